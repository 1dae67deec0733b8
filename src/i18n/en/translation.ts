// English: what lint says about a translation against its original (src/lesson/translation.ts, translation-lint.ts).

export const translation = {
  'translation.id': 'id "{id}" is not the original\'s "{expected}" ({original}); a translation keeps its original\'s id, so they share progress',
  'translation.field': '{field} differs from the original\'s ({original}); a translation keeps {field} as it is: {value}',
  'translation.unknown-step': 'step "{title}" has the id "{id}", which no step of the original ({original}) has; end its heading with the original step\'s id, e.g. "## {title} {suggestion}"',
  'translation.missing-step': 'the original\'s step "{title}" ({original}:{line}) is missing; translate it under a heading ending in {suggestion}',
  'translation.order': 'the steps are not in the original\'s order ({original}): it has {ids}; put them in that order',
  'translation.owner-step': 'step {id}',
  'translation.owner-intro': 'the introduction',
  'translation.block-count': { one: '{owner} has {count} {kind} block, the original {expected} ({where}); copy them from there', other: '{owner} has {count} {kind} blocks, the original {expected} ({where}); copy them from there' },
  'translation.part-code': 'its code',
  'translation.part-attributes': 'its attributes',
  'translation.block-differs': 'the {nth} {kind} block of {owner} differs from the original\'s ({part}) at {where}; copy it byte for byte: only prose, titles and hints are translated',
  'translation.check-extra': 'step {id} has a check the original lacks ("{check}") ({where}); the checks of a translation are its original\'s, byte for byte',
  'translation.check-missing': 'step {id} lacks the original\'s check "{check}" ({where}); the checks of a translation are its original\'s, byte for byte',
  'translation.check-differs': 'step {id} has "{check}" where the original has "{expected}" ({where}); the checks of a translation are its original\'s, byte for byte',
  'translation.no-from': 'a translation says which original it was made from: add "translated-from: {fingerprint}" to the front matter once it matches {original}',
  'translation.stale': 'translated from an older {original}: its steps, blocks or checks changed since (translated-from {was}, now {now}); see what changed with `git log -p {original}`, bring the translation\'s prose and blocks up to date, then write "translated-from: {now}"',
  'translation.no-original': 'a translation has an original with the same file name one folder up, and {original} does not exist; name this file as the lesson it translates',
  'translation.broken-original': 'its original {original} has errors, so this translation cannot be compared with it; fix the original first (steplab lint {original})',
} as const;
