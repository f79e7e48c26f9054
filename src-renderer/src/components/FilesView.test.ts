// @vitest-environment happy-dom
/**
 * The files panel draws the model's tables and open files: a file two processes share after
 * fork is one row with both holders and one offset; close-on-exec descriptors are marked.
 */
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { runProgram } from '../../../src-main/vm/run.ts';
import { FilesModel } from '../trace/files.ts';
import FilesView from './FilesView.vue';

const SOURCE = `#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int fd = open("shared.txt", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  write(fd, "12345", 5);
  if (fork() == 0) { write(fd, "abc", 3); return 0; }
  sleep(1);
  return 0;
}
`;

describe('FilesView', () => {
  it('shows each descriptor table and the shared open file once, with its offset and holders', () => {
    const run = runProgram({ source: SOURCE });
    const model = new FilesModel(run.trace);
    // after the child's write (the last file event of the run)
    const last = run.trace.map((e) => e.kind).lastIndexOf('file');
    const w = mount(FilesView, { props: { files: model.at(last + 1), selectedPid: 4 } });
    expect(w.findAll('[data-testid="fd-table"]').map((t) => t.attributes('data-pid'))).toEqual(['3', '4']);
    const shared = w.findAll('[data-testid="open-file-row"]').find((r) => r.text().includes('shared.txt'))!;
    expect(shared.text()).toContain('O_WRONLY|O_APPEND');
    expect(shared.find('[data-testid="offset"]').text()).toBe('8');
    expect(shared.text()).toContain('pid 3 fd 3, pid 4 fd 3');
    expect(w.text()).toContain('cloexec');
    expect(w.text()).toContain('the terminal');
  });
});
