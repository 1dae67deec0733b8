// English: `steplab --help` and each command's `--help` (src/cli/help.ts).

export const help = {
  'help.main': `steplab — learn container networking on a real Linux kernel

Usage:
  steplab [COURSE]                pick a lesson of ./lessons (or COURSE) and step through it
  steplab run LESSON [--step N]   step through one lesson (a file, or its number or id in the course)
  steplab progress [COURSE]       where you stand in every lesson
  steplab reset [LESSON]          forget your progress in one lesson, or in the whole course
  steplab verify [PATH…]          run lessons unattended; exit 0 only if all pass
  steplab lint [PATH…]            report problems in lessons as file:line:col
  steplab topology LESSON.md      draw a lesson's network after a step
  steplab doctor                  check what this machine allows
  steplab init [DIR]              start a course of your own: a lesson, a README, a CI workflow
  steplab merge-junit FILE…       join the JUnit files of sharded verify runs (-o FILE, else stdout)

Outside a course folder, COURSE and LESSON may name the course steplab ships: networking, networking/07.
Run \`steplab COMMAND --help\` for a command's options. Every command takes --lang en|zh-CN
(default: from LC_ALL, LC_MESSAGES or LANG; zh_CN.UTF-8 speaks Simplified Chinese).
While a step's commands run, Ctrl-C stops them only, then asks: retry, reset the step, open a shell, skip or quit.
`,
  'help.run': `Usage: steplab run LESSON [options]
       steplab [COURSE] [options]

Step through a lesson in a fresh sandbox; needs a terminal (use \`steplab verify\` in scripts and CI).
LESSON is a lesson file, or a lesson's number or id in the course folder (./lessons, or --course).
With a course folder (or nothing), pick a lesson from a list showing your progress.

Options:
      --step N|ID       start at step N (from 1) or with that id: the steps before it are replayed
      --start-over      forget this lesson's progress and start from the first step
  -c, --course DIR      the course folder (default: ./lessons)
  -t, --target NAME     sandbox (default) | docker | vagrant | auto
      --no-changes      do not record what changed in the kernel at each step
      --lang L          the interface's language: en | zh-CN (default: from LANG)

Ctrl-C while a step's commands run stops them only, shows what ran and asks: retry, reset the
step (a fresh lab rebuilt to where the step began), open a shell, skip or quit. Ctrl-C at a menu quits.
`,
  'help.progress': `Usage: steplab progress [COURSE]

List every lesson of the course (./lessons, or COURSE) with where you stand: the step you are at,
done or not started, and when you last worked on it.
`,
  'help.reset': `Usage: steplab reset [LESSON] [-c DIR]

Forget your progress in LESSON (a file, or its number or id in the course), or in every lesson of
the course (./lessons, or --course DIR) when none is named.
`,
  'help.verify': `Usage: steplab verify [PATH…] [options]

Run lessons unattended, each in its own sandbox: every step's commands, challenges' solutions, every
check. Exit 0 only if all pass. Records no progress. A folder such as lessons does not run the
translations in lessons/zh-CN; name lessons/zh-CN to run them.

Options:
  -t, --target NAME   sandbox (default) | docker | vagrant | auto
  -j, --jobs N        lessons run in parallel
  -r, --reporter R    plain (default) | junit | json
  -o, --output FILE   where junit/json goes
      --keep-going    run every step after a failure and report every failing check
      --shard K/N     only the K-th of N parts of the lessons (one part per CI job)
      --no-changes    do not record what changed in the kernel at each step
      --against docker  run each step's docker blocks with a real Docker engine inside
                      the lab and judge them by the step's checks (needs root)
      --engine DIR    with --against docker: dockerd, containerd… from DIR first
                      (or STEPLAB_DOCKER_ENGINE=DIR)
`,
  'help.init': `Usage: steplab init [DIR]

Start a course of your own in DIR (default: the current folder): lessons/01-first-namespace.md (a small
working lesson with a challenge), a README, and a CI workflow. Refuses to overwrite a file.
`,
  'help.merge-junit': `Usage: steplab merge-junit FILE… [-o FILE]

Join the JUnit reports of \`steplab verify --shard K/N --reporter junit\` runs into one report
(to FILE, else stdout); refuses a lesson that two reports hold.
`,
  'help.lint': `Usage: steplab lint [PATH…]

Report problems in lesson files as file:line:col; exit 1 if there are errors.
A translation (lessons/zh-CN/NN-x.md, lang: zh-CN) is compared with its English original: its steps,
command blocks and checks must be the same, byte for byte. A course folder's translations are
linted with it: \`steplab lint lessons\` checks lessons/zh-CN too.
`,
  'help.topology': `Usage: steplab topology LESSON.md [options]

Run a lesson unattended up to a step and draw its network.

Options:
      --step N|ID     after which step (default: the last)
  -f, --format F      ascii (default) | dot | mermaid
  -t, --target NAME   sandbox (default) | docker | vagrant | auto
`,
  'help.doctor': `Usage: steplab doctor [-t TARGET]

Check what this machine (or a target) allows: namespaces, the tools lessons need.
`,
} as const;
