/** Notes or warnings as a bulleted list of sentences; nothing at all when there are none. */
export function NoteList({ notes, className }: { notes: readonly string[]; className: string }) {
  if (notes.length === 0) return null
  return (
    <ul className={className}>
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  )
}
