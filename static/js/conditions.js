// Visibility conditions on the phone, offline (issue 25): the twin of
// checklists/scoring/conditions.py, whose docstring gives the grammar and the semantics. Same
// results, error messages and positions (in code points, as Python counts, not UTF-16 units);
// no eval; numbers are compared as decimal text, digit by digit, never as binary floats.
// tests/data/condition_cases.json runs on both sides (tests/test_browser_conditions.py).
// window.ClauseConditions = {parse, evaluate, names}; errors are thrown as {message, position}.
// Short local names on purpose: the file goes to phones on slow networks, and the app's
// minifier (rjsmin) removes comments and spaces but keeps names.
(function () {
  "use strict";
  const KW = ["and", "or", "not", "in", "true", "false", "null"];
  // Full-width characters a Chinese keyboard types (besides U+FF01–FF5E), and the ones meant.
  const WIDE = { "“": '"', "”": '"', "‘": "'", "’": "'", "、": "," };
  const NUM = /^-?\d+(\.\d+)?$/;
  const dig = (c) => c >= "0" && c <= "9";
  // A name character: ASCII letter, "_", digit (not first), CJK U+3400–4DBF, 4E00–9FFF, F900–FAFF.
  const nc = (c, first) => {
    const o = c.codePointAt(0);
    return /[A-Za-z_]/.test(c) || (!first && dig(c)) ||
      (o > 0x33ff && o < 0x4dc0) || (o > 0x4dff && o < 0xa000) || (o > 0xf8ff && o < 0xfb00);
  };
  // An error at 0-based position p of a text of n characters; the message counts from 1.
  const err = (m, p, n) =>
    ({ message: (p < n ? "第 " + (p + 1) + " 个字符" : "条件末尾") + "：" + m, position: p });
  const bad = (c, p, n) => {
    const o = c.codePointAt(0), h = o > 0xff00 && o < 0xff5f ? String.fromCharCode(o - 0xfee0) : WIDE[c];
    return err(c == "=" ? "判断相等请写“==”"
      : h ? "请把全角字符“" + c + "”改为半角字符“" + h + "”" : "无法识别的字符“" + c + "”", p, n);
  };

  // Tokens {k: kind, s: source text, p: position, v: value (a string's, else the text)}; kinds:
  // num str name op ( ) [ ] , end and the keywords ("&&" is and, "||" or, "!" not).
  function lex(s, n) {
    const out = [];
    for (let i = 0; i < n; ) {
      const c = s[i], p = i;
      let k, v;
      if (" \t\r\n\u3000".includes(c)) {
        i++;
        continue;
      }
      if (dig(c) || (c == "-" && dig(s[i + 1]))) {
        for (i++; dig(s[i]); ) i++;
        if (s[i] == "." && dig(s[i + 1])) for (i += 2; dig(s[i]); ) i++;
        k = "num";
      } else if (c == '"' || c == "'") {
        for (v = "", i++; s[i] !== c; v += s[i++]) { // a backslash takes the next character
          if (s[i] == "\\") i++;
          if (i >= n) throw err("字符串缺少结束引号", p, n);
        }
        i++;
        k = "str";
      } else if (nc(c, 1)) {
        while (i < n && nc(s[i])) i++;
        k = "name";
      } else {
        v = c + s[i + 1];
        v = ["==", "!=", "<=", ">=", "&&", "||"].includes(v) ? v : "<>!()[],".includes(c) ? c : "";
        if (!v) throw bad(c, p, n);
        i += v.length;
        k = { "&&": "and", "||": "or", "!": "not" }[v] || (/[<>=]/.test(v) ? "op" : v);
      }
      const w = s.slice(p, i).join("");
      if (k == "name" && KW.includes(w)) k = w;
      out.push({ k, s: w, p, v: k == "str" ? v : w });
    }
    out.push({ k: "end", s: "", p: n });
    return out;
  }

  // The tree: {t: "lit", v} (a number as its text), {t: "name", name}, {t: "call", f, name},
  // {t: "not", x}, {t: "and" | "or", xs}, {t: "cmp", op, a, b}, {t: "in", neg, x, items}.
  // at(): the next token, go(): take it (never past "end"), F: an error at a token, D: depth.
  function parse(text) {
    const s = Array.from(text), n = s.length;
    if (n > 500) throw err("条件过长，最多 500 个字符", 500, n);
    const T = lex(s, n);
    let i = 0, D = 0;
    const at = (a) => T[Math.min(i + (a || 0), T.length - 1)];
    const go = () => T[T[i].k == "end" ? i : i++];
    const F = (m, t) => err(m, t.p, n);
    const down = (t) => {
      if (++D > 20) throw F("嵌套过深，最多 20 层", t);
    };
    const isCmp = () => {
      const k = at().k;
      return k == "op" || k == "in" || (k == "not" && at(1).k == "in");
    };
    const lit = (t) => t.k == "num" || t.k == "str" ? { t: "lit", v: t.v }
      : ["true", "false", "null"].includes(t.k) ? { t: "lit", v: JSON.parse(t.k) } : null;
    const seq = (k, next) => { // or := and {or and}; and := not {and not}
      const xs = [next()];
      while (at().k == k) go(), xs.push(next());
      return xs[1] ? { t: k, xs } : xs[0];
    };
    const or = () => seq("or", and), and = () => seq("and", not);
    function not() {
      const t = at();
      if (t.k != "not") return cmp();
      go();
      down(t);
      const x = { t: "not", x: not() };
      D--;
      return x;
    }
    function cmp() {
      const a = opd();
      if (!isCmp()) return a;
      const t = go();
      let x;
      if (t.k == "op") x = { t: "cmp", op: t.s, a, b: opd() };
      else {
        if (t.k == "not") go();
        x = { t: "in", neg: t.k == "not", x: a, items: list() };
      }
      if (isCmp()) throw F("比较不能连写，请用 and 连接，例如 a < b and b < c", at());
      return x;
    }
    function opd() {
      const t = go(), l = lit(t);
      let x, c;
      if (l) return l;
      if (t.k == "name") {
        if (at().k != "(") return { t: "name", name: t.s };
        if (t.s != "count" && t.s != "answered") throw F("未知函数“" + t.s + "”，可用的函数：count、answered", t);
        go();
        x = go();
        c = go();
        if (x.k != "name") throw F(t.s + "() 的参数应为一个项目名称", x);
        x = { t: "call", f: t.s, name: x.s };
      } else if (t.k == "(") {
        down(t);
        x = or();
        c = go();
        D--;
      } else throw F(t.k == "end" ? "条件不完整" : "此处应为数值、字符串、项目名称或“(”，却是“" + t.s + "”", t);
      if (c.k != ")") throw F("缺少右括号", c);
      return x;
    }
    function list() {
      const out = [];
      let t = go();
      if (t.k != "[") throw F('in 后应为方括号列表，例如 ["甲", "乙"]', t);
      if (at().k == "]") return go(), out;
      for (;;) {
        const l = lit((t = go()));
        if (!l) throw F("列表中只能写数值、字符串、true、false 或 null", t);
        out.push(l.v);
        if ((t = go()).k == "]") return out;
        if (t.k != ",") throw F("缺少右方括号", t);
      }
    }
    if (at().k == "end") throw { message: "条件为空", position: 0 };
    const x = or(), t = at();
    if (t.k != "end") throw F(t.k == ")" ? "多余的右括号" : "“" + t.s + "”前缺少运算符（如 ==、>=、and、or）", t);
    return x;
  }

  // A JSON number as decimal text without exponent (String(x) is its shortest exact text).
  const num = (x) => {
    const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(x), d = m && m[2] + (m[3] || "");
    const p = m && m[2].length + +m[4];
    return !m ? x : m[1] + (p >= d.length ? d + "0".repeat(p - d.length)
      : p > 0 ? d.slice(0, p) + "." + d.slice(p) : "0." + "0".repeat(-p) + d);
  };
  // An answer as the language sees it: unanswered is null, a number its decimal text.
  const read = (v) => v == null || v === "" || (Array.isArray(v) && !v.length) ? null
    : typeof v == "number" ? num(String(v)) : v;
  const own = (o, k) => read(Object.prototype.hasOwnProperty.call(o, k) ? o[k] : null);
  const tr = (v) => v === true || v === "yes"; // truthy
  const nil = (x) => x.t == "lit" && x.v === null;
  // [sign, integer digits, fraction digits] without leading / trailing zeros; zero is positive.
  const dec = (s) => {
    const [a, b = ""] = s.replace("-", "").split("."), ip = a.replace(/^0+/, ""), fp = b.replace(/0+$/, "");
    return [s[0] == "-" && (ip || fp) ? -1 : 1, ip, fp];
  };
  // Two non-null values: numbers (decimal text) by value, strings and booleans by identity.
  function eq(op, a, b) {
    if (typeof a == "string" && typeof b == "string" && NUM.test(a) && NUM.test(b)) {
      const [sa, ia, fa] = dec(a), [sb, ib, fb] = dec(b), w = Math.max(fa.length, fb.length);
      const x = ia + fa.padEnd(w, "0"), y = ib + fb.padEnd(w, "0");
      const c = sa - sb || sa * (ia.length - ib.length || (x < y ? -1 : x > y ? 1 : 0));
      return { "==": !c, "!=": !!c, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[op];
    }
    const same = typeof a != "object" && a === b;
    return op == "==" ? same : op == "!=" && !same;
  }

  function val(x, ans) {
    const t = x.t, v = x.name && own(ans, x.name);
    if (t == "lit") return x.v;
    if (t == "name") return v;
    if (t == "call") return x.f == "answered" ? v !== null : String(v === null ? 0 : Array.isArray(v) ? v.length : 1);
    if (t == "not") return !tr(val(x.x, ans));
    if (t == "and") return x.xs.every((y) => tr(val(y, ans)));
    if (t == "or") return x.xs.some((y) => tr(val(y, ans)));
    if (t == "cmp") {
      if (/[=!]=/.test(x.op) && (nil(x.a) || nil(x.b))) return (val(nil(x.a) ? x.b : x.a, ans) === null) == (x.op == "==");
      const a = val(x.a, ans), b = val(x.b, ans);
      return a !== null && b !== null && eq(x.op, a, b);
    }
    const w = val(x.x, ans); // in, not in
    if (w === null) return !x.neg && x.items.includes(null);
    return (Array.isArray(w) ? w.map(read) : [w]).some((e) =>
      e !== null && x.items.some((l) => l !== null && eq("==", e, l))) != x.neg;
  }

  const tree = (c) => (typeof c == "string" ? parse(c) : c);
  const evaluate = (c, answers) => tr(val(tree(c), answers || {}));
  // The item keys a condition reads, sorted.
  const names = (c) => {
    const f = new Set(), walk = (x) => {
      if (x.name) f.add(x.name);
      [x.x, x.a, x.b].concat(x.xs || []).forEach((y) => y && walk(y));
    };
    walk(tree(c));
    return Array.from(f).sort();
  };

  window.ClauseConditions = { parse, evaluate, names };
})();
