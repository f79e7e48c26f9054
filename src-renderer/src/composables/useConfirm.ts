/**
 * One question at a time to the student before something that cannot be undone from the app
 * (replacing the program by an example, a file or a reset). `ask` resolves true when they agree;
 * ConfirmDialog.vue (mounted once by App.vue) shows the pending question.
 */
import { shallowRef } from 'vue';

export interface Question {
  message: string;
  /** the label of the button that goes ahead ("Replace", "Reset") */
  confirm: string;
  answer(yes: boolean): void;
}

const pending = shallowRef<Question | null>(null);

/** Asks; a second question while one is open answers the first with "no". */
function ask(message: string, confirm: string): Promise<boolean> {
  pending.value?.answer(false);
  return new Promise((resolve) => {
    const q: Question = {
      message,
      confirm,
      answer(yes) {
        if (pending.value === q) pending.value = null;
        resolve(yes);
      },
    };
    pending.value = q;
  });
}

export function useConfirm() {
  return { pending, ask };
}
