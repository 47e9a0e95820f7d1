import { z } from 'zod'

// zod probes whether it may compile validators with `new Function` when each object schema is built; our CSP forbids
// eval, and Chromium reports the refused probe as a security-policy violation even though zod catches it. Validate
// without compiling instead. Imported first by main.tsx, because the Api contract builds its schemas on import.
z.config({ jitless: true })
