import { signInAction } from '@/app/actions';
import { DEV_USERS } from '@/lib/dev-users';

/** Works without JavaScript: a plain form posting to a Server Action. */
export function SignInForm() {
  return (
    <form action={signInAction} className="stack">
      <fieldset>
        <legend>Sign in as</legend>
        {DEV_USERS.map((user, index) => (
          <div key={user.id} className="choice">
            <input type="radio" id={`user-${user.id}`} name="userId" value={user.id} defaultChecked={index === 0} />
            <label htmlFor={`user-${user.id}`}>{user.name}</label>
          </div>
        ))}
      </fieldset>
      <p className="muted">
        Development sign-in: it stands in for real authentication, and anyone can pick any user.
      </p>
      <button type="submit">Sign in</button>
    </form>
  );
}
