/**
 * Addresses of library functions. A library function is not code in the image (the VM runs it
 * natively), so `int (*f)(const char *) = puts;` needs a function to point at: a three-instruction
 * wrapper that passes its arguments straight to CALL_BUILTIN and returns what it returns. Only
 * functions with a fixed parameter list get one; a variadic function's arguments are not known
 * at the wrapper, so taking printf's address stays an error.
 */
import { Op, kindsMask } from './isa.ts';
import type { Sym } from './ast.ts';
import { symbolInfo, type Assembly } from './assembly.ts';
import { builtinId } from './builtins.ts';
import { kindOf } from './types.ts';

export class BuiltinWrappers {
  private readonly wanted = new Map<string, Sym>();

  /** The wrapper's link name for `sym`, or undefined when it cannot have one. */
  request(sym: Sym): string | undefined {
    const t = sym.type;
    if (t.kind !== 'func' || !t.prototyped || t.variadic || builtinId(sym.name) < 0) return undefined;
    const linkName = `${sym.name}@builtin`;
    if (!this.wanted.has(linkName)) this.wanted.set(linkName, sym);
    return linkName;
  }

  /** Emits every requested wrapper: ENTER 0 n; CALL_BUILTIN id n kinds; RET (or RET_VOID). */
  emit(asm: Assembly): void {
    for (const [linkName, sym] of this.wanted) {
      const t = sym.type;
      const n = t.params!.length;
      const entryPc = asm.code.length;
      asm.code.push(Op.ENTER, 0, n);
      asm.code.push(Op.CALL_BUILTIN, builtinId(sym.name), n, kindsMask(t.params!.map((p) => kindOf(p.type))));
      asm.code.push(t.ret!.kind === 'void' ? Op.RET_VOID : Op.RET);
      asm.builtinsUsed.add(sym.name);
      const info = {
        symbol: symbolInfo(sym), linkName, unit: sym.tu, entryPc, endPc: asm.code.length, frameSize: 0, locals: [],
        file: sym.pos.file, line: sym.pos.line, returnsVoid: t.ret!.kind === 'void',
      };
      asm.functions.set(linkName, info);
      asm.functionOrder.push(info);
    }
  }
}
