// "Let Docker do it": build a lesson up to a step with a real engine in a second lab, and say how its kernel state differs from the learner's.

import { diffSnapshots, renderChanges } from '../diff/index.ts';
import { takeSnapshot } from '../kernel/snapshot.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Lesson, Step } from '../lesson/types.ts';
import { blockFailure, runBlock } from '../run/blocks.ts';
import type { Target } from '../target/types.ts';
import { findEngine, type EngineChoice } from './engine.ts';
import { makeLabImage, type LabImage } from './image.ts';
import { dockerBlocksUpTo } from './lesson.ts';
import { startEngineSandbox } from './sandbox.ts';

/** What the comparison needs, made once and reused for every step of a session. */
export class DockerComparison {
  readonly #target: Target;
  readonly #engine: EngineChoice;
  #image: Promise<LabImage> | undefined;

  constructor(target: Target, engine: EngineChoice) {
    this.#target = target;
    this.#engine = engine;
  }

  /**
   * Run the lesson's docker blocks up to and including the step's with the engine in a new lab, and list
   * the difference from the learner's state: `+` what Docker built that the learner did not, `-` the reverse.
   * A missing engine is a sentence saying so, not an error.
   */
  async compare(lesson: Lesson, step: Step, learner: Snapshot, width = 76): Promise<string> {
    const found = await findEngine(this.#target, this.#engine);
    if (!found.ok) return `Docker cannot do it here: ${found.reason}`;
    this.#image ??= makeLabImage(this.#target);
    const image = await this.#image;
    const { daemon, blocks } = dockerBlocksUpTo(lesson, step);
    const sandbox = await startEngineSandbox(this.#target, lesson, { engine: this.#engine, imageTar: image.tar, daemon });
    try {
      for (const block of blocks) {
        const r = await runBlock(sandbox, block, lesson);
        if (!r.ok) return `Docker ${sandbox.version} could not do it: ${blockFailure(r, lesson)}\n${r.output.trimEnd()}`;
      }
      const docker = await takeSnapshot((code) => sandbox.read(code));
      const changes = diffSnapshots(learner, docker);
      return `From your lab to Docker ${sandbox.version}'s (+ only Docker's, - only yours):\n${renderChanges(changes, width)}`;
    } finally {
      await sandbox.dispose();
    }
  }

  /** Remove the lab image's tar, if one was made. Safe to call twice. */
  async dispose(): Promise<void> {
    const image = this.#image;
    this.#image = undefined;
    if (image) await (await image).dispose();
  }
}
