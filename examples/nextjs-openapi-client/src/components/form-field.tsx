import type { InputHTMLAttributes } from 'react';

type FormFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input whose hint and server-side errors are announced with it. */
export function FormField({ name, label, hint, errors = [], ...input }: FormFieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input id={id} name={name} aria-invalid={errors.length > 0 || undefined} aria-describedby={describedBy || undefined} {...input} />
      {errors.length > 0 && (
        <span className="field-error" id={`${id}-error`} data-testid={`${name}-error`}>
          {errors.join(' ')}
        </span>
      )}
    </div>
  );
}
