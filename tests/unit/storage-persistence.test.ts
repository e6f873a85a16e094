import { describe, expect, it } from 'vitest'
import { backupLineRisk, isSafariStorage, persistenceState } from '@/domain/storage-risk'

describe('persistent storage state', () => {
  const asked = (granted: boolean | null) => ({ at: '2026-12-01T10:00:00.000Z', granted })

  it('is unsupported where the browser cannot be asked, whatever was recorded', () => {
    expect(persistenceState({ supported: false, persisted: null, asked: asked(true) })).toBe('unsupported')
  })

  it('is granted when the browser says so now, also without a recorded question', () => {
    expect(persistenceState({ supported: true, persisted: true, asked: null })).toBe('granted')
    expect(persistenceState({ supported: true, persisted: true, asked: asked(null) })).toBe('granted')
  })

  it('waits for an answer that has not come (Firefox asks the user), is refused after a no, and not asked before the first scan', () => {
    expect(persistenceState({ supported: true, persisted: false, asked: asked(null) })).toBe('waiting')
    expect(persistenceState({ supported: true, persisted: false, asked: asked(false) })).toBe('refused')
    // Granted once, cleared since (the user took it back): refused now.
    expect(persistenceState({ supported: true, persisted: false, asked: asked(true) })).toBe('refused')
    expect(persistenceState({ supported: true, persisted: false, asked: null })).toBe('not-asked')
  })

  it("takes WebKitGTK's MiniBrowser for Safari (the same engine, the same storage rules)", () => {
    expect(isSafariStorage('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15')).toBe(true)
    expect(isSafariStorage('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe(false)
  })
})

describe('the backup line where data is more at risk', () => {
  it("names Safari's 7 days first, else a browser without a reservekopie, else nothing", () => {
    expect(backupLineRisk({ risk: 'safari', deviceCopy: false })).toContain('7 dagen')
    expect(backupLineRisk({ risk: null, deviceCopy: false })).toBe('Deze browser maakt er geen reservekopie van.')
    expect(backupLineRisk({ risk: 'not-persisted', deviceCopy: true })).toBe('')
  })
})
