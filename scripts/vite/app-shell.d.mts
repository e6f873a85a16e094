import type { Plugin } from 'vite'

export function shellText(html: string, questionnaire: { title: string; description: string }): string
export function appShell(options: { questionnaireUrl: URL; bootUrl: URL }): Plugin
