export function ErrorNote({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  if (!message) return null
  return (
    <div className="note note--error" role="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="button button--quiet" onClick={onDismiss} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  )
}
