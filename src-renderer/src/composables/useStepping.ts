/**
 * Stepping actions bound to the viewer store, playback at a chosen speed, and the global key
 * handler for the shortcuts (ignored while typing in the editor or a field).
 */
import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { useViewerStore } from '../stores/viewer.ts';
import { shortcutFor, type Action } from './shortcuts.ts';

export const SPEEDS = [1, 4, 10, 30, 100] as const;

/** The stepping actions, playback state and (with `listen`) the window's key handler, for one component. */
export function useStepping(options: { onHelp?: () => void; listen?: boolean } = {}) {
  const viewer = useViewerStore();
  const playing = ref(false);
  const speed = ref<number>(10);
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop(): void {
    playing.value = false;
    clearInterval(timer);
    timer = undefined;
  }

  /** Plays forward, one line (or kernel event when there are no line events) per tick. */
  function play(): void {
    if (playing.value) return stop();
    if (viewer.position >= viewer.length) viewer.go(0);
    playing.value = true;
    timer = setInterval(() => {
      const before = viewer.position;
      viewer.stepBy(viewer.hasLines ? 'line' : 'event', 1);
      if (viewer.position === before || viewer.position >= viewer.length) stop();
    }, 1000 / speed.value);
  }

  watch(speed, () => {
    if (playing.value) {
      stop();
      play();
    }
  });

  function perform(action: Action): void {
    if (action.kind !== 'play') stop();
    switch (action.kind) {
      case 'step':
        return viewer.stepBy(action.unit, action.dir);
      case 'jump':
        return viewer.jump(action.to, action.dir);
      case 'start':
        return viewer.go(0);
      case 'end':
        return viewer.go(viewer.length);
      case 'play':
        return play();
      case 'help':
        return options.onHelp?.();
    }
  }

  function onKey(e: KeyboardEvent): void {
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (target && (target.closest('.monaco-editor') || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
    // Space and Enter on a focused button (or a node of the tree) press it: they are not "play"
    const el = e.target instanceof Element ? e.target : null;
    if ((e.key === ' ' || e.key === 'Enter') && el?.closest('button, a, [role=button], [role=option], summary')) return;
    const s = shortcutFor(e);
    if (!s || !viewer.model) {
      if (s?.action.kind === 'help') options.onHelp?.();
      return;
    }
    e.preventDefault();
    perform(s.action);
  }

  if (options.listen) {
    onMounted(() => window.addEventListener('keydown', onKey));
    onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
  }
  onBeforeUnmount(stop);

  return { playing, speed, perform, play, stop, onKey };
}
