// Colours per dimension, in questionnaire order. Each has at least 5:1 contrast on white, well
// above the 3:1 WCAG asks of graphics; bars and labels also name the dimension, so colour is
// never the only cue.
const DIMENSION_COLORS = ['#24578f', '#b34700', '#1b7a4b', '#7a3b8f', '#8a6100']

export function dimensionColor(index: number): string {
  return DIMENSION_COLORS[((index % DIMENSION_COLORS.length) + DIMENSION_COLORS.length) % DIMENSION_COLORS.length]!
}

export const RADAR_COLOR = '#24578f'
