/**
 * A scrolling box that draws only the rows in view (composables/virtual-window.ts): follows the
 * box's scroll position and height, and scrolls to the end or to a row on demand.
 *
 * Scrolling is planned, then applied: `scrollToEnd`/`reveal` set the window's scroll position at
 * once (so the next render draws the right rows), and the box's own scrollTop is written after
 * that render, in the same frame: one layout per step instead of one per write and render.
 */
import { computed, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { rowWindow, scrollToRow } from './virtual-window.ts';

/** A box whose height is not known yet (not laid out, tests without layout) draws this many pixels' worth. */
const FALLBACK_HEIGHT = 600;

export function useVirtualRows(box: Ref<HTMLElement | null>, count: Ref<number>, rowH: number) {
  const scrollTop = ref(0);
  const height = ref(0);
  const view = computed(() => rowWindow(count.value, rowH, scrollTop.value, height.value || FALLBACK_HEIGHT));
  /** a scroll position to write to the box after the next render */
  const planned = ref<number | null>(null);

  const onScroll = () => {
    if (box.value && planned.value === null) scrollTop.value = box.value.scrollTop;
  };
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    const el = box.value;
    if (!el) return;
    height.value = el.clientHeight;
    el.addEventListener('scroll', onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => (height.value = el.clientHeight));
      observer.observe(el);
    }
  });
  onBeforeUnmount(() => {
    box.value?.removeEventListener('scroll', onScroll);
    observer?.disconnect();
  });
  watch(
    planned,
    (top) => {
      if (top === null) return;
      if (box.value && box.value.scrollTop !== top) box.value.scrollTop = top;
      planned.value = null;
    },
    { flush: 'post' },
  );

  /** Plans a scroll position (clamped to the list): the window follows at once, the box after the render. */
  function scrollTo(top: number): void {
    const max = Math.max(0, count.value * rowH - (height.value || FALLBACK_HEIGHT));
    const t = Math.max(0, Math.min(max, top));
    scrollTop.value = t;
    planned.value = t;
  }

  return {
    view,
    scrollToEnd: () => scrollTo(count.value * rowH),
    reveal: (i: number) => scrollTo(scrollToRow(i, rowH, scrollTop.value, height.value || FALLBACK_HEIGHT)),
  };
}
