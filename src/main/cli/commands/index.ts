import type { Command } from '../command'
import { importCommand } from './import'
import { rfmCommand } from './rfm'
import { clusterCommand } from './cluster'
import { demoCommand } from './demo'
import { reportCommand } from './report'
import { profileCommand } from './profile'
import { recommendCommand } from './recommend'

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  importCommand,
  rfmCommand,
  clusterCommand,
  profileCommand,
  recommendCommand,
  reportCommand,
  demoCommand,
]
