import { useTheme } from './theme'

export function ThemeToggle() {
  const [theme, toggle] = useTheme()
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={toggle}
      aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
    >
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  )
}
