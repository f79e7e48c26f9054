/** Whether the system asks for a dark theme, kept up to date (light and dark follow the system). */
import { onBeforeUnmount, ref, type Ref } from 'vue';

export function useColourScheme(): Ref<boolean> {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const dark = ref(query?.matches ?? false);
  const update = (e: MediaQueryListEvent) => (dark.value = e.matches);
  query?.addEventListener?.('change', update);
  onBeforeUnmount(() => query?.removeEventListener?.('change', update));
  return dark;
}
