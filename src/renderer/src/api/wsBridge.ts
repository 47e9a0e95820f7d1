import type { Bridge, EventName, Events, Reply, RequestName } from '../../../shared/api'
import { fromErrorPayload } from '../../../shared/errors'

/**
 * The browser host's bridge: the same contract over a WebSocket to 127.0.0.1 (the page's own origin; the access token
 * travels as a same-site cookie), and files in by upload to that same host instead of a native dialog. An upload
 * carries the token in a header as well, which the host requires of anything that writes to disk.
 */
export function createWsBridge(origin: string, token: string): Bridge {
  // Names this window to the host, which drops the window's unimported uploads when its socket closes.
  const client = crypto.randomUUID()
  const socketUrl = `${origin.replace(/^http/, 'ws')}/api?client=${client}`
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let socket: WebSocket | null = null
  let opening: Promise<WebSocket> | null = null

  function connect(): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket)
    if (opening) return opening
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(socketUrl)
      ws.onopen = () => {
        socket = ws
        opening = null
        resolve(ws)
      }
      ws.onerror = () => {
        opening = null
        reject(new Error('SegmentLab lost its connection to the local host. Is `npm run host` still running?'))
      }
      ws.onclose = () => {
        socket = null
        for (const p of pending.values()) p.reject(new Error('The connection to SegmentLab closed.'))
        pending.clear()
      }
      ws.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as {
          id?: number
          reply?: Reply
          event?: string
          payload?: unknown
        }
        if (data.event) {
          for (const l of listeners.get(data.event) ?? []) l(data.payload)
          return
        }
        const waiting = data.id !== undefined ? pending.get(data.id) : undefined
        if (!waiting || !data.reply) return
        pending.delete(data.id!)
        if (data.reply.ok) waiting.resolve(data.reply.value)
        else waiting.reject(fromErrorPayload(data.reply.error))
      }
    })
    return opening
  }

  async function invoke(name: RequestName, input: unknown): Promise<unknown> {
    const ws = await connect()
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      ws.send(JSON.stringify({ id, name, input }))
    })
  }

  function chooseLocalFile(accept: string): Promise<File | null> {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = accept
      input.style.display = 'none'
      input.addEventListener('change', () => {
        resolve(input.files?.[0] ?? null)
        input.remove()
      })
      input.addEventListener('cancel', () => {
        resolve(null)
        input.remove()
      })
      document.body.append(input)
      input.click()
    })
  }

  return {
    shell: 'browser',
    invoke: invoke as Bridge['invoke'],
    listen<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: unknown) => void)
      listeners.set(event, set)
      void connect().catch(() => {})
      return () => void set.delete(listener as (payload: unknown) => void)
    },
    async pickFile(purpose) {
      const file = await chooseLocalFile(purpose === 'project' ? '.segmentlab' : '.csv,.tsv,.txt,.xlsx,text/csv')
      if (!file) return null
      const response = await fetch(`${origin}/upload?name=${encodeURIComponent(file.name)}&client=${client}`, {
        method: 'POST',
        headers: { 'x-segmentlab-token': token },
        body: file,
      })
      // The host's refusals are sentences for people ("… is larger than the 512 MB …"): show them as they are.
      if (!response.ok) throw new Error(await response.text())
      return ((await response.json()) as { path: string }).path
    },
    async saveDownload(file) {
      // POST, so the browser sends our Origin; the host gives the bytes out once, to the page holding the token.
      const response = await fetch(`${origin}/download?id=${encodeURIComponent(file.id)}`, {
        method: 'POST',
        headers: { 'x-segmentlab-token': token },
      })
      if (!response.ok) throw new Error(await response.text())
      const url = URL.createObjectURL(await response.blob())
      const link = document.createElement('a')
      link.href = url
      link.download = file.name
      link.style.display = 'none'
      document.body.append(link)
      link.click()
      link.remove()
      // The browser has started the download from the object URL by now; give it a moment before letting go.
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    },
  } satisfies Bridge
}
