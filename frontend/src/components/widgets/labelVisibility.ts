/**
 * label_visibility's enum value as a name: the data-label-visibility attribute
 * and the CSS class (label-hidden, label-collapsed) every widget label carries.
 *
 * Mirrors Streamlit's LabelVisibilityOptions handling in its frontend
 * (labelVisibilityProtoValueToEnum).
 */

import { minilit } from "../../proto/proto"

/** The data-label-visibility value (and CSS hook) for a LabelVisibility enum value. */
export function labelVisibilityName(value: number | null | undefined): "visible" | "hidden" | "collapsed" {
  if (value === minilit.LabelVisibility.LabelVisibilityOptions.HIDDEN) {
    return "hidden"
  }
  if (value === minilit.LabelVisibility.LabelVisibilityOptions.COLLAPSED) {
    return "collapsed"
  }
  return "visible"
}
