/**
 * The matrix exponential of a small dense matrix, by scaling and squaring with a Taylor series.
 * Used once per (model, step length) to build the exact propagator of a linear compartment model.
 */

/** A square matrix as rows. */
export type Matrix = number[][];

function infinityNorm(a: Matrix): number {
  let max = 0;
  for (const row of a) {
    let sum = 0;
    for (const v of row) sum += Math.abs(v);
    if (sum > max) max = sum;
  }
  return max;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    const oi = out[i]!;
    for (let k = 0; k < n; k++) {
      const aik = ai[k]!;
      if (aik === 0) continue;
      const bk = b[k]!;
      for (let j = 0; j < n; j++) oi[j]! += aik * bk[j]!;
    }
  }
  return out;
}

/**
 * exp(A·t) for a square matrix A (rows) and a scalar t.
 * The scaled matrix has infinity norm <= 0.5, where 20 Taylor terms leave a truncation error far
 * below double precision (0.5^21/21! ≈ 1e-26); squaring then restores the full step.
 * @throws RangeError when A is not square or t is not a finite number.
 */
export function expm(a: Matrix, t: number): Matrix {
  const n = a.length;
  if (!Number.isFinite(t)) throw new RangeError(`expm: the time ${t} is not a finite number.`);
  if (a.some((row) => row.length !== n)) throw new RangeError('expm: the matrix is not square.');
  const norm = infinityNorm(a) * Math.abs(t);
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scale = t / 2 ** squarings;
  const scaled = a.map((row) => row.map((v) => v * scale));
  // Taylor series: I + X + X²/2! + … + X^20/20!
  let result: Matrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  let term: Matrix = result.map((row) => row.slice());
  for (let k = 1; k <= 20; k++) {
    term = multiply(term, scaled).map((row) => row.map((v) => v / k));
    result = result.map((row, i) => row.map((v, j) => v + term[i]![j]!));
  }
  for (let s = 0; s < squarings; s++) result = multiply(result, result);
  return result;
}

/** y = M·x. */
export function applyMatrix(m: Matrix, x: readonly number[]): number[] {
  return m.map((row) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j]! * x[j]!;
    return sum;
  });
}
