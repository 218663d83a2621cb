/**
 * The playbook's Dockerfile rule, checked on the Dockerfile itself (no container engine runs in
 * the handbook's CI; hadolint lints the file there too): several stages, a non-root user in each
 * image that ships, and a HEALTHCHECK of the API that calls /health.
 */
import { readFileSync } from 'node:fs';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';

interface Stage {
  name: string;
  /** The stage it is built FROM when that is another stage of this file. */
  parent?: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile, in order, each with its own instructions. */
function stagesOf(source: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(source).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', , name] = instruction.getArgumentsContent()!.split(/\s+/);
      const parent = stages.find((stage) => stage.name === image)?.name;
      stages.push({ name: name ?? `#${stages.length}`, parent, instructions: [] });
    } else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

/** The instructions a stage inherits and has, parent stages first. */
function chain(stages: Stage[], name: string): Instruction[] {
  const stage = stages.find((entry) => entry.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return [...(stage.parent ? chain(stages, stage.parent) : []), ...stage.instructions];
}
const last = (instructions: Instruction[], keyword: string) => instructions.filter((instruction) => instruction.getKeyword() === keyword).at(-1)?.getArgumentsContent();

const stages = stagesOf(readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8'));

describe('Dockerfile', () => {
  it('builds in several stages, with the API as the default (last) target and the worker as a target of its own', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages.at(-1)!.name).toBe('api');
    expect(stages.map((stage) => stage.name)).toContain('worker');
    // The shipped images copy what they need from earlier stages instead of building in place.
    expect(chain(stages, 'api').some((instruction) => instruction.getKeyword() === 'COPY' && /--from=/.test(instruction.getTextContent()))).toBe(true);
  });

  it.each(['api', 'worker'])('runs the %s image as a non-root user', (target) => {
    const user = last(chain(stages, target), 'USER');
    expect(user, `${target} has no USER: it would run as root`).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('checks the API with a HEALTHCHECK that calls /health, and starts the API and the worker with their own commands', () => {
    const healthcheck = last(chain(stages, 'api'), 'HEALTHCHECK');
    expect(healthcheck).toMatch(/^CMD /);
    expect(healthcheck).toContain('/health');
    expect(last(chain(stages, 'api'), 'CMD')).toContain('src/index.ts');
    expect(last(chain(stages, 'worker'), 'CMD')).toContain('src/worker.ts');
  });
});
