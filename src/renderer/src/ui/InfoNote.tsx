/** A piece of good news or an outcome, announced politely to screen readers; nothing when there is none. */
export function InfoNote({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <div className="note note--info" role="status">
      {message}
    </div>
  )
}
