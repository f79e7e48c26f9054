/**
 * Exactness against the exhaustive search: on corpus programs small enough to try every schedule
 * (naive.ts, no reduction), the explorer finds exactly the same set of outputs, with far fewer
 * runs. These programs have real choices (the exhaustive search makes many runs).
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../differential/corpus.ts';
import { exploreImage } from '../../src-main/explore/explore.ts';
import { compileProgram } from '../../src-main/vm/run.ts';
import { allOutputsNaively } from './naive.ts';

const CHOSEN = [
  '006_fork_and_and', '009_fork_loop_children_in_order', '019_waitpid_reverse_order', '023_waitpid_wnohang_running',
  '024_waitpid_wnohang_poll', '028_waitpid_wuntraced_stop_cont', '030_waitpid_minus_one', '032_child_exit_vs__exit_buffer',
  '057_exec_discards_buffer', '061_exec_false_status_in_shell_style', '075_clone_files_shared_table',
  '446_any_mmap_shared_lost_update',
];

describe('explorer = exhaustive search', () => {
  const programs = loadCorpus('tests/differential/multi').filter((p) => CHOSEN.includes(p.name));
  it('finds the chosen programs', () => expect(programs.map((p) => p.name)).toEqual(CHOSEN));
  for (const p of programs) {
    it(p.name, () => {
      const fileName = `${p.name}.c`;
      const image = compileProgram(p.source, fileName).image!;
      const options = { args: p.args, stdin: p.stdin ?? undefined };
      const naive = allOutputsNaively(image, options, 400);
      expect(naive.complete).toBe(true);
      const view = exploreImage(image, { ...options, fileName });
      expect(view.complete).toBe(true);
      expect(view.outputs.map((o) => o.stdout).sort()).toEqual([...naive.outputs].sort());
      expect(view.schedulesExplored).toBeLessThanOrEqual(naive.runs);
    });
  }
});
