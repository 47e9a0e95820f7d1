/** The app's name beside its three-colour mark, as the home screen and the workspace's top bar show it. */
export function Brand() {
  return (
    <div className="brand">
      <span className="brand__mark" aria-hidden="true" />
      SegmentLab
    </div>
  )
}
