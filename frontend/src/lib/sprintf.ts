/**
 * printf-style number formatting for slider and number_input labels.
 *
 * Streamlit passes the `format=` argument of st.slider / st.number_input to
 * the browser (e.g. "%d", "%0.2f", "%.1f%%") and formats with the sprintf-js
 * package. This is a small replacement covering the conversions those
 * widgets accept: d i u f F e E g G s x X and %%, with flags "-", "+", "0",
 * a width and a precision.
 */

const SPEC = /%([-+0 ]*)(\d+)?(?:\.(\d+))?([diufFeEgGsxX%])/g

export function sprintf(format: string, value: number): string {
  return format.replace(SPEC, (_match, flags: string, width?: string, precision?: string, conv = "") => {
    if (conv === "%") {
      return "%"
    }
    const prec = precision === undefined ? undefined : Number(precision)
    let body: string
    switch (conv) {
      case "d":
      case "i":
      case "u":
        body = String(Math.trunc(value))
        break
      case "f":
      case "F":
        body = value.toFixed(prec ?? 6)
        break
      case "e":
      case "E":
        body = value.toExponential(prec ?? 6)
        // C prints at least two exponent digits: 1.5e+00.
        body = body.replace(/e([+-])(\d)$/, "e$10$2")
        if (conv === "E") {
          body = body.toUpperCase()
        }
        break
      case "g":
      case "G":
        body = String(Number(value.toPrecision(prec === 0 ? 1 : (prec ?? 6))))
        if (conv === "G") {
          body = body.toUpperCase()
        }
        break
      case "x":
      case "X":
        body = Math.trunc(value).toString(16)
        if (conv === "X") {
          body = body.toUpperCase()
        }
        break
      default: // "s"
        body = prec === undefined ? String(value) : String(value).slice(0, prec)
    }
    if (flags.includes("+") && !body.startsWith("-") && conv !== "s") {
      body = `+${body}`
    }
    const minWidth = width === undefined ? 0 : Number(width)
    if (body.length < minWidth) {
      if (flags.includes("-")) {
        body = body.padEnd(minWidth)
      } else if (flags.includes("0") && conv !== "s") {
        const sign = /^[-+]/.test(body) ? body[0] : ""
        body = sign + body.slice(sign.length).padStart(minWidth - sign.length, "0")
      } else {
        body = body.padStart(minWidth)
      }
    }
    return body
  })
}

/** The number of decimals a format shows ("%0.2f" → 2; "%d" → 0), if it says. */
export function decimalsOf(format: string): number | undefined {
  const match = /%[-+0 ]*\d*(?:\.(\d+))?([diufF])/.exec(format)
  if (!match) {
    return undefined
  }
  if ("diu".includes(match[2])) {
    return 0
  }
  return match[1] === undefined ? undefined : Number(match[1])
}
