import { Component, type ReactNode } from 'react'

/**
 * A chart whose data cannot be drawn (a builder refusing malformed input) shows a sentence in its place instead of
 * taking the whole screen down with it.
 */
export class ChartBoundary extends Component<{ children: ReactNode; what: string }, { error: string | null }> {
  override state = { error: null as string | null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) }
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="note note--error" role="alert">
          The {this.props.what} could not be drawn: {this.state.error}
        </div>
      )
    }
    return this.props.children
  }
}
