/**
 * The entry scripts and instructions of the autograders (export.ts puts them in the zips). Each
 * script uses the platform's own paths by default; AUTOGRADER_ROOT (Gradescope) and GRADE_ROOT
 * (PrairieLearn) move them, for tests on a machine that is not the platform's.
 */
import type { Pack } from '../../packs/types.ts';

/** Gradescope runs setup.sh once, as root, when it builds the autograder's image (Ubuntu). */
export function gradescopeSetup(): string {
  return `#!/usr/bin/env bash
# ForkLab autograder: Gradescope runs this once, when it builds the image. It installs Node.js 20
# (the lab itself is forklab/forklab-autograde.mjs in this zip: one file, no packages to fetch)
# and checks that the lab starts.
set -euo pipefail
cd "$(dirname "$0")"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v node >/dev/null 2>&1 || [ "$(node_major)" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
node --version
node forklab/forklab-autograde.mjs --help >/dev/null 2>&1 || true
chmod +x run_autograder
`;
}

/** Gradescope runs run_autograder for each submission. */
export function gradescopeRun(): string {
  return `#!/usr/bin/env bash
# ForkLab autograder: grades the submission in $ROOT/submission (files named after the exercises,
# or a hand-in zip from the app) and writes $ROOT/results/results.json. ROOT is /autograder, as
# Gradescope lays it out; AUTOGRADER_ROOT moves it (for tests).
set -uo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
mkdir -p "$ROOT/results"
node "$SOURCE/forklab/forklab-autograde.mjs" --platform gradescope \\
  --pack "$SOURCE/pack" --config "$SOURCE/forklab-autograder.json" \\
  --submission "$ROOT/submission" --results "$ROOT/results/results.json"
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
  printf '{"score": 0, "output": "The autograder could not run (status %s): tell your instructor.", "tests": []}\\n' "$status" > "$ROOT/results/results.json"
fi
`;
}

export function gradescopeReadme(pack: Pack): string {
  return `# ForkLab autograder for Gradescope: ${pack.title} (${pack.id} ${pack.version})

1. In the assignment's "Configure Autograder", choose "Zip file upload" and upload this zip
   (any Ubuntu base image). setup.sh installs Node.js 20; the lab is forklab/forklab-autograde.mjs.
2. Students submit their files named after the exercises (\`EXERCISE-ID.c\`, a question's answer as
   \`EXERCISE-ID.txt\`), or the hand-in zip the lab's "Hand in" writes.
3. Each submission gets one results.json: a test per check, named "exercise: check"; secret checks
   are hidden tests (or as \`--secret-visibility\` said); an exercise with nothing handed in
   scores 0. The score is the total, weighted as pack.yaml's \`weights\` say.

forklab-autograder.json lists the exercises that count; edit it to grade fewer.
`;
}

/** PrairieLearn's image: Node.js and the lab. */
export function prairielearnDockerfile(): string {
  return `# ForkLab external grader for PrairieLearn: Node.js and the lab, nothing else.
FROM node:20-bookworm-slim
COPY forklab-autograde.mjs run.sh /forklab/
RUN chmod +x /forklab/run.sh && node /forklab/forklab-autograde.mjs --help >/dev/null 2>&1 || true
`;
}

/** PrairieLearn runs the entrypoint for each submission. */
export function prairielearnRun(): string {
  return `#!/usr/bin/env bash
# ForkLab external grader: grades $ROOT/student (files named after the exercises, or a hand-in
# zip) with the pack in $ROOT/tests/pack and writes $ROOT/results/results.json. ROOT is /grade,
# as PrairieLearn lays it out; GRADE_ROOT moves it (for tests), FORKLAB_BUNDLE the lab.
set -uo pipefail
ROOT="\${GRADE_ROOT:-/grade}"
BUNDLE="\${FORKLAB_BUNDLE:-/forklab/forklab-autograde.mjs}"
mkdir -p "$ROOT/results"
node "$BUNDLE" --platform prairielearn \\
  --pack "$ROOT/tests/pack" --config "$ROOT/tests/forklab-autograder.json" \\
  --submission "$ROOT/student" --results "$ROOT/results/results.json"
status=$?
if [ ! -s "$ROOT/results/results.json" ]; then
  printf '{"gradable": false, "score": 0, "message": "The grader could not run (status %s): tell your instructor.", "tests": []}\\n' "$status" > "$ROOT/results/results.json"
fi
`;
}

/** The externalGradingOptions of a question's info.json. */
export function prairielearnInfo(pack: Pack): string {
  return `${JSON.stringify({ gradingMethod: 'External', externalGradingOptions: { enabled: true, image: `YOUR-REGISTRY/forklab-grader-${pack.id}`, entrypoint: '/forklab/run.sh', timeout: 120 } }, null, 2)}\n`;
}

export function prairielearnReadme(pack: Pack): string {
  return `# ForkLab external grader for PrairieLearn: ${pack.title} (${pack.id} ${pack.version})

1. Build the image and push it where your PrairieLearn can pull it:
   \`docker build -t YOUR-REGISTRY/forklab-grader-${pack.id} image/ && docker push YOUR-REGISTRY/forklab-grader-${pack.id}\`
2. For each question: copy \`tests/\` into the question's folder (PrairieLearn hands it to the
   grader as /grade/tests; students never see it), and merge \`info.json.externalGradingOptions\`
   into the question's info.json (with your image's name). Edit tests/forklab-autograder.json so
   that \`exercises\` lists the exercises the question grades (usually one).
3. The question asks for files named after the exercises (\`EXERCISE-ID.c\`; a question's answer
   \`EXERCISE-ID.txt\`), for instance with \`<pl-file-editor file-name="EXERCISE-ID.c">\` and
   \`<pl-external-grader-results>\`.

Results: the score is a fraction (weighted as pack.yaml's \`weights\` say); every public and sealed
check is a test; secret checks count in the score but never appear in the output; a program that
does not compile is graded (0 points for that exercise) and says why.
`;
}
