import { Op } from '../src-main/lang/isa.ts';
import { runSlice, cpuSettings } from '../src-main/vm/interpreter.ts';
import { Tlb } from '../src-main/vm/tlb.ts';
import { createContext } from '../src-main/kernel/context.ts';
import type { ProgramImage } from '../src-main/lang/image.ts';

const pages = new Map<number, DataView>();
const mmu = { pageSize: 4096, generation: () => 0, translate: (vpn: number) => {
  let v = pages.get(vpn); if (!v) { v = new DataView(new ArrayBuffer(4096)); pages.set(vpn, v); } return { view: v, writable: true }; } };
const N = Number(process.argv[2] ?? 5_000_000);
const c: number[] = [];
c.push(Op.ENTER, 16, 0, Op.PUSH_I32, 0, Op.STORE_LOCAL_I32, -4, Op.PUSH_I64, 0, 0, Op.STORE_LOCAL_I64, -16);
const L = c.length;
c.push(Op.LOAD_LOCAL_I32, -4, Op.PUSH_I32, N, Op.LT_I32, Op.JZ, 0);
const jz = c.length - 1;
c.push(Op.LOAD_LOCAL_I64, -16, Op.LOAD_LOCAL_I32, -4, Op.PUSH_I32, 7, Op.AND_I32, Op.I32_TO_I64, Op.ADD_I64, Op.STORE_LOCAL_I64, -16, Op.ADD_LOCAL_I32, -4, 1, Op.JMP, L);
c[jz] = c.length;
c.push(Op.LOAD_LOCAL_I64, -16, Op.TRAP);
const functions = [{ name: 'main', entryPc: 0, endPc: c.length }];
const image = { code: Int32Array.from(c), f64Consts: new Float64Array(0), functions } as unknown as ProgramImage;
// the interpreter alone, then compiled blocks (npm run bench measures whole programs)
for (const compile of [false, true]) {
  cpuSettings.compile = compile;
  const ctx = createContext(image, 0, 0x7ff000000000);
  const t0 = performance.now();
  const r = runSlice(ctx, new Tlb(mmu), { builtin: () => true }, 1e12);
  const ms = performance.now() - t0;
  console.log(`${compile ? 'compiled   ' : 'interpreted'} steps ${r.steps} in ${ms.toFixed(0)} ms = ${(r.steps / ms / 1000).toFixed(1)} M steps/s; sum ${ctx.evalI64[ctx.esp - 1]}`);
}
