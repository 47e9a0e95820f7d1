import type { Migration } from './types'
import { migration as m0001 } from './0001_initial'
import { migration as m0002 } from './0002_prepare'
import { migration as m0003 } from './0003_runs'
import { migration as m0004 } from './0004_understand'
import { migration as m0005 } from './0005_typed_columns'
import { migration as m0006 } from './0006_recommend'
import { migration as m0007 } from './0007_item_neighbours'
import { migration as m0008 } from './0008_strict_datasets'

/** The whole chain, in order. A test checks that every file in this folder is listed once and numbers are unique. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008]
export type { Migration }
