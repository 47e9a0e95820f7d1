import type { Page } from '@playwright/test'

/** SCREENS_DIR lets a local run keep its screenshots away from other runs that clear test-results. */
const dir = process.env.SCREENS_DIR ?? 'test-results/screens'

/**
 * A screenshot for review in test-results/screens, taken once CSS transitions have settled: right after a theme switch,
 * backgrounds are still fading while text colours have already changed.
 */
export async function snap(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  )
  await page.screenshot({ path: `${dir}/${name}.png` })
}

/** Switches theme with the toggle in the top bar and waits for it to apply. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` })
  if (await toggle.count()) await toggle.click()
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme)
}
