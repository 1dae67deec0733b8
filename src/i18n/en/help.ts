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
  steplab room [COURSE]           run a workshop: hand out the course, watch every learner live
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
      --room URL        join a workshop room (or STEPLAB_ROOM): its course, your progress shown to the instructor
      --code CODE       the room's join code (or STEPLAB_ROOM_CODE)
      --name NAME       your name in the room (or STEPLAB_NAME)

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
      --room URL --code CODE --name NAME
                      verify the lessons of a workshop room and report to it (or STEPLAB_ROOM,
                      STEPLAB_ROOM_CODE, STEPLAB_NAME); PATHs then name its lessons by number or id
`,
  'help.room': `Usage: steplab room [COURSE] [options]

Run a workshop: serve COURSE (default: ./lessons, else the shipped course) to the learners' laptops
and show the instructor a live dashboard of who is where, failing or stuck. Prints the learners'
join command and the dashboard's URL; Ctrl-C stops it, and starting it again with the same --data
carries on with every learner and event.

Options:
      --listen HOST:PORT  where to listen (default 127.0.0.1:8080, this machine only;
                          0.0.0.0:8080 for the classroom network)
      --code CODE         the join code learners type (default: made once, then kept)
      --token TOKEN       the instructor's token (default: made once, then kept)
      --data FILE         the room's SQLite file (default: room.sqlite in the state folder,
                          $STEPLAB_STATE_DIR or ~/.local/state/steplab)
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

Check what this machine (or a target) allows: Node, user namespaces, AppArmor, subordinate ids, the
targets, the tools lessons need and a real sandbox. Every line is labelled; the last is the verdict
(ready, or not ready and why); exit 1 when not ready.
`,
} as const;
