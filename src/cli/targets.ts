// Open the target named on the command line; docker and vagrant load only when asked for.

import { usageError } from '../errors.ts';
import type { Target } from '../target/types.ts';

export const TARGET_NAMES = ['sandbox', 'docker', 'vagrant', 'auto'] as const;
export type TargetChoice = (typeof TARGET_NAMES)[number];

/** Check a --target value. */
export function parseTargetChoice(value: string | undefined): TargetChoice {
  const name = value ?? 'sandbox';
  if ((TARGET_NAMES as readonly string[]).includes(name)) return name as TargetChoice;
  throw usageError(`unknown target "${name}"`, `Use one of: ${TARGET_NAMES.join(', ')}.`);
}

/** Start the chosen target; `notes` receives why auto passed over a target. */
export async function openTarget(choice: TargetChoice, notes: (line: string) => void = () => {}): Promise<Target> {
  switch (choice) {
    case 'sandbox': {
      // Loaded on use too: it brings execa, which the CLI's first screen does not need.
      const { localTarget } = await import('../target/local.ts');
      return localTarget();
    }
    case 'docker': {
      const { startDockerTarget } = await import('../target/docker/target.ts');
      return startDockerTarget();
    }
    case 'vagrant': {
      const { startVagrantTarget } = await import('../target/vagrant.ts');
      return startVagrantTarget();
    }
    case 'auto': {
      const { pickTarget } = await import('../target/auto.ts');
      const picked = await pickTarget();
      for (const p of picked.passedOver) notes(`passed over the ${p.name} target: ${p.reason}`);
      notes(`using the ${picked.target.name} target: ${picked.target.description}`);
      return picked.target;
    }
  }
}
