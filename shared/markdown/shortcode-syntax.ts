// micromark syntax extension: a Hugo shortcode tag inside text (`{{< ref "x" >}}`,
// `{{%note%}}`, `{{<figure src="a.png">}}`) is one token. It runs before inline HTML would see
// `<figure ...>` and before emphasis could pair `_` or `*` inside params, so the tag's text is
// kept exactly. `{{</* x */>}}` (Hugo's escape) does not match and stays plain text.
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const LESS = 60;
const GREATER = 62;
const PERCENT = 37;
const SLASH = 47;
const STAR = 42;
const QUOTE = 34;
const BACKTICK = 96;
const BACKSLASH = 92;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    hugoShortcode: 'hugoShortcode';
    hugoShortcodeData: 'hugoShortcodeData';
  }
}

const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code !== null && (code < 0 || code === 32);

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  /** The character before the closing `}}`: `>` for `{{<`, `%` for `{{%`. */
  let delim: number = GREATER;
  let quote: number | null = null;
  let nameSeen = false;

  const consumeData = (code: Code, next: State): State | undefined => {
    if (isLineEnding(code)) {
      effects.exit('hugoShortcodeData');
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      effects.enter('hugoShortcodeData');
      return next;
    }
    effects.consume(code);
    return next;
  };

  const start: State = (code) => {
    if (code !== LEFT_BRACE) return nok(code);
    effects.enter('hugoShortcode');
    effects.enter('hugoShortcodeData');
    effects.consume(code);
    return secondBrace;
  };
  const secondBrace: State = (code) => {
    if (code !== LEFT_BRACE) return nok(code);
    effects.consume(code);
    return opening;
  };
  const opening: State = (code) => {
    if (code !== LESS && code !== PERCENT) return nok(code);
    delim = code === LESS ? GREATER : PERCENT;
    effects.consume(code);
    return beforeName;
  };
  const beforeName: State = (code) => {
    if (isSpace(code)) return consumeData(code, beforeName) ?? nok(code);
    if (code === SLASH) {
      effects.consume(code);
      return afterSlash;
    }
    return inside(code);
  };
  const afterSlash: State = (code) => (code === STAR ? nok(code) : beforeName(code));
  const inside: State = (code) => {
    if (code === null) return nok(code);
    if (quote !== null) {
      if (code === BACKSLASH && quote === QUOTE) {
        effects.consume(code);
        return escaped;
      }
      if (code === quote) quote = null;
      return consumeData(code, inside) ?? nok(code);
    }
    if (code === QUOTE || code === BACKTICK) {
      quote = code;
      effects.consume(code);
      return inside;
    }
    if (code === delim && nameSeen) {
      effects.consume(code);
      return closeBrace1;
    }
    if (code === LEFT_BRACE) return nok(code);
    if (!isSpace(code)) nameSeen = true;
    return consumeData(code, inside) ?? nok(code);
  };
  const escaped: State = (code) => {
    if (code === null) return nok(code);
    return consumeData(code, inside) ?? nok(code);
  };
  const closeBrace1: State = (code) => {
    if (code !== RIGHT_BRACE) return inside(code);
    effects.consume(code);
    return closeBrace2;
  };
  const closeBrace2: State = (code) => {
    if (code !== RIGHT_BRACE) return inside(code);
    effects.consume(code);
    effects.exit('hugoShortcodeData');
    effects.exit('hugoShortcode');
    return ok;
  };
  return start;
}

const shortcodeConstruct: Construct = { name: 'hugoShortcode', tokenize };

export function hugoShortcodeSyntax(): Extension {
  return { text: { [LEFT_BRACE]: shortcodeConstruct } };
}
