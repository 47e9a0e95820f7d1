import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'

export interface MenuItem {
  readonly key: string
  readonly label: string
  readonly help?: string
}

/**
 * A button that opens a list of choices (the WAI-ARIA menu button pattern): Enter, Space or ↓ open it with focus on
 * the first item, ↑/↓/Home/End move, Enter picks, Escape or Tab closes and returns focus to the button.
 */
export function MenuButton({
  label,
  items,
  onPick,
  disabled = false,
  className = 'button',
}: {
  label: string
  items: readonly MenuItem[]
  onPick: (key: string) => void
  disabled?: boolean
  className?: string
}) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([])
  const root = useRef<HTMLDivElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    itemRefs.current[0]?.focus()
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onDown)
    return () => document.removeEventListener('mousedown', onDown)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  const onMenuKey = (e: KeyboardEvent, index: number) => {
    const last = items.length - 1
    const go = (i: number) => {
      e.preventDefault()
      itemRefs.current[i]?.focus()
    }
    if (e.key === 'ArrowDown') go(index === last ? 0 : index + 1)
    else if (e.key === 'ArrowUp') go(index === 0 ? last : index - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(last)
    else if (e.key === 'Escape') {
      e.preventDefault()
      close(true)
    } else if (e.key === 'Tab') close(false)
  }

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu__list" role="menu" id={menuId} aria-label={label}>
          {items.map((item, i) => (
            <button
              key={item.key}
              ref={(el) => void (itemRefs.current[i] = el)}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu__item"
              onKeyDown={(e) => onMenuKey(e, i)}
              onClick={() => {
                close(true)
                onPick(item.key)
              }}
            >
              <span className="menu__label">{item.label}</span>
              {item.help && <span className="menu__help">{item.help}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
