;; K-means kernels in WebAssembly with 128-bit SIMD: the same row-range steps as `../kmeansKernels.ts` (assign-full,
;; assign-hamerly, inertia), giving the same bytes. Built into `kmeansKernelsWasm.ts` by `npm run build:wasm`.
;;
;; Why WebAssembly: the nearest-centre search dominates k-means. Here each instruction measures two centres (f64x2),
;; and the running minimum is kept with compare-and-select instead of branches — branches that mispredict on almost
;; every row of real data, and that JavaScript cannot avoid.
;;
;; Same bytes as the JavaScript kernels, because:
;; - a lane holds one centre, and adds (x_t - c_t)^2 for t = 0, 1, ... in order, without fused multiply-add;
;; - each lane keeps the first (lowest-index) minimum of its centres, and the two lanes' minima are merged by value,
;;   then by index: the lowest-index nearest centre, as a strict "<" in index order finds (pmin and pmax, b < a ? b : a
;;   and its mirror, are the exact minimum and maximum here: squared distances are never NaN, and never -0);
;; - rows are updated in row order, so cluster sums and inertia are added in the same order.
;;
;; The workspace lives in this module's memory; its layout is the header at `$h` (byte offsets, see kmeansWasm.ts):
;;   0 n | 4 d | 8 k | 12 kp (k rounded up to 4) | 16 chunkRows | 20 x | 24 centers | 28 centersT (d × kp, padded
;;   with +Infinity) | 32 shift | 36 half | 40 shiftStats | 44 labels | 48 upper | 52 lower | 56 chunkSums |
;;   60 chunkCounts | 64 chunkChanged | 68 chunkInertia | 72 pending (one int per row: a chunk's rows to search)
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Running inertia of the chunk $searchList is settling (when it is asked to trace).
  (global $inertiaSum (mut f64) (f64.const 0))

  ;; Squared distance between rows at byte addresses $p and $q, summed in dimension order.
  (func $sqDist (param $p i32) (param $q i32) (param $d i32) (result f64)
    (local $s f64) (local $u f64) (local $end i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $d) (i32.const 3))))
    (block $done
      (loop $dims
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $u (f64.sub (f64.load (local.get $p)) (f64.load (local.get $q))))
        (local.set $s (f64.add (local.get $s) (f64.mul (local.get $u) (local.get $u))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $dims)))
    (local.get $s))

  ;; Search the rows listed in `pending` at [$e0, $e1), two at a time, and settle each in list order: its label and the
  ;; chunk's change sums, its bounds when $bounds, and $inertiaSum += d1 when $trace. Returns how many labels changed.
  ;;
  ;; Each pair of rows is measured against the centres eight at a time (four lane pairs, both rows: eight
  ;; accumulators), then four at a time for the rest of kp. Each lane keeps its first minimum with compare-and-select;
  ;; the lanes are merged by value, then by lower index.
  (func $searchList (param $h i32) (param $c i32) (param $e0 i32) (param $e1 i32) (param $bounds i32) (param $trace i32)
    (result i32)
    (local $e i32) (local $i i32) (local $i2 i32) (local $xa i32) (local $xb i32) (local $pair i32) (local $changed i32)
    (local $x i32) (local $d i32) (local $k i32) (local $kp i32) (local $ct i32) (local $rowBytes i32)
    (local $labels i32) (local $upper i32) (local $lower i32) (local $pending i32) (local $sums i32) (local $counts i32)
    (local $g i32) (local $cp i32) (local $pa i32) (local $pb i32) (local $end i32) (local $kb i32)
    (local $m1a v128) (local $m2a v128) (local $ia v128) (local $m1b v128) (local $m2b v128) (local $ib v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $va v128) (local $vb v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $u v128) (local $lt v128) (local $j v128)
    (local $f0 f64) (local $f1 f64) (local $g0 f64) (local $g1 f64) (local $second i32)
    (local $bestA i32) (local $d1A f64) (local $d2A f64) (local $bestB i32) (local $d1B f64) (local $d2B f64)
    (local $r i32) (local $row i32) (local $best i32) (local $d1 f64) (local $d2 f64) (local $old i32) (local $at i32)
    (local.set $d (i32.load offset=4 (local.get $h)))
    (local.set $k (i32.load offset=8 (local.get $h)))
    (local.set $kp (i32.load offset=12 (local.get $h)))
    (local.set $x (i32.load offset=20 (local.get $h)))
    (local.set $ct (i32.load offset=28 (local.get $h)))
    (local.set $labels (i32.load offset=44 (local.get $h)))
    (local.set $upper (i32.load offset=48 (local.get $h)))
    (local.set $lower (i32.load offset=52 (local.get $h)))
    (local.set $pending (i32.load offset=72 (local.get $h)))
    (local.set $sums (i32.add (i32.load offset=56 (local.get $h))
      (i32.shl (i32.mul (local.get $c) (i32.mul (local.get $k) (local.get $d))) (i32.const 3))))
    (local.set $counts (i32.add (i32.load offset=60 (local.get $h)) (i32.shl (i32.mul (local.get $c) (local.get $k)) (i32.const 3))))
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (local.set $kb (i32.shl (local.get $kp) (i32.const 3)))
    (local.set $e (local.get $e0))
    (block $listdone
      (loop $list
        (br_if $listdone (i32.ge_u (local.get $e) (local.get $e1)))
        (local.set $i (i32.load (i32.add (local.get $pending) (i32.shl (local.get $e) (i32.const 2)))))
        (local.set $pair (i32.lt_u (i32.add (local.get $e) (i32.const 1)) (local.get $e1)))
        ;; A single last row is measured as its own pair and settled once.
        (local.set $i2 (select
          (i32.load (i32.add (local.get $pending) (i32.shl (i32.add (local.get $e) (i32.const 1)) (i32.const 2))))
          (local.get $i)
          (local.get $pair)))
        (local.set $xa (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $xb (i32.add (local.get $x) (i32.mul (local.get $i2) (local.get $rowBytes))))
          (local.set $m1a (f64x2.splat (f64.const inf)))
          (local.set $g (i32.const 0))
          (local.set $ia (v128.const i64x2 0 0))
          (local.set $ib (v128.const i64x2 0 0))
          (local.set $m2a (local.get $m1a))
          (local.set $m1b (local.get $m1a))
          (local.set $m2b (local.get $m1a))
          (block $groups8done
            (loop $groups8
              (br_if $groups8done (i32.gt_u (i32.add (local.get $g) (i32.const 8)) (local.get $kp)))
              (local.set $a0 (v128.const f64x2 0 0))
              (local.set $a1 (v128.const f64x2 0 0))
              (local.set $a2 (v128.const f64x2 0 0))
              (local.set $a3 (v128.const f64x2 0 0))
              (local.set $b0 (v128.const f64x2 0 0))
              (local.set $b1 (v128.const f64x2 0 0))
              (local.set $b2 (v128.const f64x2 0 0))
              (local.set $b3 (v128.const f64x2 0 0))
              (local.set $cp (i32.add (local.get $ct) (i32.shl (local.get $g) (i32.const 3))))
              (local.set $pa (local.get $xa))
              (local.set $pb (local.get $xb))
              (local.set $end (i32.add (local.get $xa) (i32.shl (local.get $d) (i32.const 3))))
              (block $dimsdone
                (loop $dims
                  (br_if $dimsdone (i32.ge_u (local.get $pa) (local.get $end)))
                  (local.set $va (f64x2.splat (f64.load (local.get $pa))))
                  (local.set $vb (f64x2.splat (f64.load (local.get $pb))))
                  (local.set $c0 (v128.load offset=0 (local.get $cp)))
                  (local.set $c1 (v128.load offset=16 (local.get $cp)))
                  (local.set $c2 (v128.load offset=32 (local.get $cp)))
                  (local.set $c3 (v128.load offset=48 (local.get $cp)))
                  (local.set $u (f64x2.sub (local.get $va) (local.get $c0)))
                  (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $va) (local.get $c1)))
                  (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $va) (local.get $c2)))
                  (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $va) (local.get $c3)))
                  (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $vb) (local.get $c0)))
                  (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $vb) (local.get $c1)))
                  (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $vb) (local.get $c2)))
                  (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $vb) (local.get $c3)))
                  (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $cp (i32.add (local.get $cp) (local.get $kb)))
                  (local.set $pa (i32.add (local.get $pa) (i32.const 8)))
                  (local.set $pb (i32.add (local.get $pb) (i32.const 8)))
                  (br $dims)))
              ;; Lane pair (g, g + 1), then (g + 2, g + 3), ...: each lane sees its centres in increasing index order.
              (local.set $j (f64x2.add (f64x2.splat (f64.convert_i32_u (local.get $g))) (v128.const f64x2 0 1)))
              (local.set $lt (f64x2.lt (local.get $a0) (local.get $m1a)))
              (local.set $m2a (f64x2.pmin (local.get $m2a) (f64x2.pmax (local.get $m1a) (local.get $a0))))
              (local.set $m1a (f64x2.pmin (local.get $m1a) (local.get $a0)))
              (local.set $ia (v128.bitselect (local.get $j) (local.get $ia) (local.get $lt)))
              (local.set $lt (f64x2.lt (local.get $b0) (local.get $m1b)))
              (local.set $m2b (f64x2.pmin (local.get $m2b) (f64x2.pmax (local.get $m1b) (local.get $b0))))
              (local.set $m1b (f64x2.pmin (local.get $m1b) (local.get $b0)))
              (local.set $ib (v128.bitselect (local.get $j) (local.get $ib) (local.get $lt)))
              (local.set $j (f64x2.add (local.get $j) (v128.const f64x2 2 2)))
              (local.set $lt (f64x2.lt (local.get $a1) (local.get $m1a)))
              (local.set $m2a (f64x2.pmin (local.get $m2a) (f64x2.pmax (local.get $m1a) (local.get $a1))))
              (local.set $m1a (f64x2.pmin (local.get $m1a) (local.get $a1)))
              (local.set $ia (v128.bitselect (local.get $j) (local.get $ia) (local.get $lt)))
              (local.set $lt (f64x2.lt (local.get $b1) (local.get $m1b)))
              (local.set $m2b (f64x2.pmin (local.get $m2b) (f64x2.pmax (local.get $m1b) (local.get $b1))))
              (local.set $m1b (f64x2.pmin (local.get $m1b) (local.get $b1)))
              (local.set $ib (v128.bitselect (local.get $j) (local.get $ib) (local.get $lt)))
              (local.set $j (f64x2.add (local.get $j) (v128.const f64x2 2 2)))
              (local.set $lt (f64x2.lt (local.get $a2) (local.get $m1a)))
              (local.set $m2a (f64x2.pmin (local.get $m2a) (f64x2.pmax (local.get $m1a) (local.get $a2))))
              (local.set $m1a (f64x2.pmin (local.get $m1a) (local.get $a2)))
              (local.set $ia (v128.bitselect (local.get $j) (local.get $ia) (local.get $lt)))
              (local.set $lt (f64x2.lt (local.get $b2) (local.get $m1b)))
              (local.set $m2b (f64x2.pmin (local.get $m2b) (f64x2.pmax (local.get $m1b) (local.get $b2))))
              (local.set $m1b (f64x2.pmin (local.get $m1b) (local.get $b2)))
              (local.set $ib (v128.bitselect (local.get $j) (local.get $ib) (local.get $lt)))
              (local.set $j (f64x2.add (local.get $j) (v128.const f64x2 2 2)))
              (local.set $lt (f64x2.lt (local.get $a3) (local.get $m1a)))
              (local.set $m2a (f64x2.pmin (local.get $m2a) (f64x2.pmax (local.get $m1a) (local.get $a3))))
              (local.set $m1a (f64x2.pmin (local.get $m1a) (local.get $a3)))
              (local.set $ia (v128.bitselect (local.get $j) (local.get $ia) (local.get $lt)))
              (local.set $lt (f64x2.lt (local.get $b3) (local.get $m1b)))
              (local.set $m2b (f64x2.pmin (local.get $m2b) (f64x2.pmax (local.get $m1b) (local.get $b3))))
              (local.set $m1b (f64x2.pmin (local.get $m1b) (local.get $b3)))
              (local.set $ib (v128.bitselect (local.get $j) (local.get $ib) (local.get $lt)))
              (local.set $g (i32.add (local.get $g) (i32.const 8)))
              (br $groups8)))
          ;; kp is a multiple of 4: at most one group of four is left.
          (if (i32.lt_u (local.get $g) (local.get $kp))
            (then
              (local.set $a0 (v128.const f64x2 0 0))
              (local.set $a1 (v128.const f64x2 0 0))
              (local.set $b0 (v128.const f64x2 0 0))
              (local.set $b1 (v128.const f64x2 0 0))
              (local.set $cp (i32.add (local.get $ct) (i32.shl (local.get $g) (i32.const 3))))
              (local.set $pa (local.get $xa))
              (local.set $pb (local.get $xb))
              (local.set $end (i32.add (local.get $xa) (i32.shl (local.get $d) (i32.const 3))))
              (block $dims4done
                (loop $dims4
                  (br_if $dims4done (i32.ge_u (local.get $pa) (local.get $end)))
                  (local.set $va (f64x2.splat (f64.load (local.get $pa))))
                  (local.set $vb (f64x2.splat (f64.load (local.get $pb))))
                  (local.set $c0 (v128.load offset=0 (local.get $cp)))
                  (local.set $c1 (v128.load offset=16 (local.get $cp)))
                  (local.set $u (f64x2.sub (local.get $va) (local.get $c0)))
                  (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $va) (local.get $c1)))
                  (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $vb) (local.get $c0)))
                  (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $u (f64x2.sub (local.get $vb) (local.get $c1)))
                  (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $u) (local.get $u))))
                  (local.set $cp (i32.add (local.get $cp) (local.get $kb)))
                  (local.set $pa (i32.add (local.get $pa) (i32.const 8)))
                  (local.set $pb (i32.add (local.get $pb) (i32.const 8)))
                  (br $dims4)))
              (local.set $j (f64x2.add (f64x2.splat (f64.convert_i32_u (local.get $g))) (v128.const f64x2 0 1)))
              (local.set $lt (f64x2.lt (local.get $a0) (local.get $m1a)))
              (local.set $m2a (f64x2.pmin (local.get $m2a) (f64x2.pmax (local.get $m1a) (local.get $a0))))
              (local.set $m1a (f64x2.pmin (local.get $m1a) (local.get $a0)))
              (local.set $ia (v128.bitselect (local.get $j) (local.get $ia) (local.get $lt)))
              (local.set $lt (f64x2.lt (local.get $b0) (local.get $m1b)))
              (local.set $m2b (f64x2.pmin (local.get $m2b) (f64x2.pmax (local.get $m1b) (local.get $b0))))
              (local.set $m1b (f64x2.pmin (local.get $m1b) (local.get $b0)))
              (local.set $ib (v128.bitselect (local.get $j) (local.get $ib) (local.get $lt)))
              (local.set $j (f64x2.add (local.get $j) (v128.const f64x2 2 2)))
              (local.set $lt (f64x2.lt (local.get $a1) (local.get $m1a)))
              (local.set $m2a (f64x2.pmin (local.get $m2a) (f64x2.pmax (local.get $m1a) (local.get $a1))))
              (local.set $m1a (f64x2.pmin (local.get $m1a) (local.get $a1)))
              (local.set $ia (v128.bitselect (local.get $j) (local.get $ia) (local.get $lt)))
              (local.set $lt (f64x2.lt (local.get $b1) (local.get $m1b)))
              (local.set $m2b (f64x2.pmin (local.get $m2b) (f64x2.pmax (local.get $m1b) (local.get $b1))))
              (local.set $m1b (f64x2.pmin (local.get $m1b) (local.get $b1)))
              (local.set $ib (v128.bitselect (local.get $j) (local.get $ib) (local.get $lt)))))
          (local.set $f0 (f64x2.extract_lane 0 (local.get $m1a)))
          (local.set $f1 (f64x2.extract_lane 1 (local.get $m1a)))
          (local.set $g0 (f64x2.extract_lane 0 (local.get $ia)))
          (local.set $g1 (f64x2.extract_lane 1 (local.get $ia)))
          (local.set $second
            (i32.or
              (f64.lt (local.get $f1) (local.get $f0))
              (i32.and (f64.eq (local.get $f1) (local.get $f0)) (f64.lt (local.get $g1) (local.get $g0)))))
          (local.set $d1A (select (local.get $f1) (local.get $f0) (local.get $second)))
          (local.set $d2A
            (select
              (f64.min (f64x2.extract_lane 1 (local.get $m2a)) (local.get $f0))
              (f64.min (f64x2.extract_lane 0 (local.get $m2a)) (local.get $f1))
              (local.get $second)))
          (local.set $bestA (i32.trunc_f64_u (select (local.get $g1) (local.get $g0) (local.get $second))))
          (local.set $f0 (f64x2.extract_lane 0 (local.get $m1b)))
          (local.set $f1 (f64x2.extract_lane 1 (local.get $m1b)))
          (local.set $g0 (f64x2.extract_lane 0 (local.get $ib)))
          (local.set $g1 (f64x2.extract_lane 1 (local.get $ib)))
          (local.set $second
            (i32.or
              (f64.lt (local.get $f1) (local.get $f0))
              (i32.and (f64.eq (local.get $f1) (local.get $f0)) (f64.lt (local.get $g1) (local.get $g0)))))
          (local.set $d1B (select (local.get $f1) (local.get $f0) (local.get $second)))
          (local.set $d2B
            (select
              (f64.min (f64x2.extract_lane 1 (local.get $m2b)) (local.get $f0))
              (f64.min (f64x2.extract_lane 0 (local.get $m2b)) (local.get $f1))
              (local.get $second)))
          (local.set $bestB (i32.trunc_f64_u (select (local.get $g1) (local.get $g0) (local.get $second))))
        ;; Settle row i, then row i2: in list order, as the JavaScript kernels do.
        (local.set $r (i32.const 0))
        (block $settledone
          (loop $settle
            (br_if $settledone (i32.gt_u (local.get $r) (local.get $pair)))
            (local.set $row (select (local.get $i2) (local.get $i) (local.get $r)))
            (local.set $best (select (local.get $bestB) (local.get $bestA) (local.get $r)))
            (local.set $d1 (select (local.get $d1B) (local.get $d1A) (local.get $r)))
            (local.set $d2 (select (local.get $d2B) (local.get $d2A) (local.get $r)))
            (local.set $at (i32.add (local.get $labels) (i32.shl (local.get $row) (i32.const 2))))
            (local.set $old (i32.load (local.get $at)))
            (if (i32.ne (local.get $old) (local.get $best))
              (then
                (i32.store (local.get $at) (local.get $best))
                ;; The row joins $best's sums, then leaves $old's (-1: it had none): $moveRow, inlined.
                (local.set $pa (i32.add (local.get $x) (i32.mul (local.get $row) (local.get $rowBytes))))
                (local.set $end (i32.add (local.get $pa) (local.get $rowBytes)))
                (local.set $pb (i32.add (local.get $sums) (i32.mul (local.get $best) (local.get $rowBytes))))
                (block $joindone
                  (loop $join
                    (br_if $joindone (i32.gt_u (i32.add (local.get $pa) (i32.const 16)) (local.get $end)))
                    (v128.store (local.get $pb) (f64x2.add (v128.load (local.get $pb)) (v128.load (local.get $pa))))
                    (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
                    (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
                    (br $join)))
                (if (i32.lt_u (local.get $pa) (local.get $end))
                  (then (f64.store (local.get $pb) (f64.add (f64.load (local.get $pb)) (f64.load (local.get $pa))))))
                (local.set $pb (i32.add (local.get $counts) (i32.shl (local.get $best) (i32.const 3))))
                (f64.store (local.get $pb) (f64.add (f64.load (local.get $pb)) (f64.const 1)))
                (if (i32.ge_s (local.get $old) (i32.const 0))
                  (then
                    (local.set $pa (i32.sub (local.get $end) (local.get $rowBytes)))
                    (local.set $pb (i32.add (local.get $sums) (i32.mul (local.get $old) (local.get $rowBytes))))
                    (block $leavedone
                      (loop $leave
                        (br_if $leavedone (i32.gt_u (i32.add (local.get $pa) (i32.const 16)) (local.get $end)))
                        (v128.store (local.get $pb) (f64x2.sub (v128.load (local.get $pb)) (v128.load (local.get $pa))))
                        (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
                        (local.set $pb (i32.add (local.get $pb) (i32.const 16)))
                        (br $leave)))
                    (if (i32.lt_u (local.get $pa) (local.get $end))
                      (then (f64.store (local.get $pb) (f64.sub (f64.load (local.get $pb)) (f64.load (local.get $pa))))))
                    (local.set $pb (i32.add (local.get $counts) (i32.shl (local.get $old) (i32.const 3))))
                    (f64.store (local.get $pb) (f64.sub (f64.load (local.get $pb)) (f64.const 1)))))
                (local.set $changed (i32.add (local.get $changed) (i32.const 1)))))
            (if (local.get $bounds)
              (then
                ;; Both square roots in one instruction.
                (local.set $u (f64x2.sqrt (f64x2.replace_lane 1 (f64x2.splat (local.get $d1)) (local.get $d2))))
                (f64.store (i32.add (local.get $upper) (i32.shl (local.get $row) (i32.const 3))) (f64x2.extract_lane 0 (local.get $u)))
                (f64.store (i32.add (local.get $lower) (i32.shl (local.get $row) (i32.const 3))) (f64x2.extract_lane 1 (local.get $u)))))
            (if (local.get $trace)
              (then (global.set $inertiaSum (f64.add (global.get $inertiaSum) (local.get $d1)))))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $settle)))
        (local.set $e (i32.add (local.get $e) (i32.const 2)))
        (br $list)))
    (local.get $changed))

  ;; Zero chunk $c's change sums and counts.
  (func $clearChunk (param $h i32) (param $c i32)
    (local $k i32) (local $d i32)
    (local.set $k (i32.load offset=8 (local.get $h)))
    (local.set $d (i32.load offset=4 (local.get $h)))
    (memory.fill
      (i32.add (i32.load offset=56 (local.get $h)) (i32.shl (i32.mul (local.get $c) (i32.mul (local.get $k) (local.get $d))) (i32.const 3)))
      (i32.const 0)
      (i32.shl (i32.mul (local.get $k) (local.get $d)) (i32.const 3)))
    (memory.fill
      (i32.add (i32.load offset=60 (local.get $h)) (i32.shl (i32.mul (local.get $c) (local.get $k)) (i32.const 3)))
      (i32.const 0)
      (i32.shl (local.get $k) (i32.const 3))))

  ;; assign-full over chunks [$c0, $c1): every row of the chunk is listed, then searched.
  (func (export "assignFull") (param $h i32) (param $c0 i32) (param $c1 i32) (param $bounds i32) (param $trace i32)
    (local $c i32) (local $i i32) (local $start i32) (local $end i32) (local $n i32) (local $rows i32)
    (local $pending i32) (local $changed i32)
    (local.set $n (i32.load offset=0 (local.get $h)))
    (local.set $rows (i32.load offset=16 (local.get $h)))
    (local.set $pending (i32.load offset=72 (local.get $h)))
    (local.set $c (local.get $c0))
    (block $chunksdone
      (loop $chunks
        (br_if $chunksdone (i32.ge_u (local.get $c) (local.get $c1)))
        (call $clearChunk (local.get $h) (local.get $c))
        (local.set $start (i32.mul (local.get $c) (local.get $rows)))
        (local.set $end (i32.add (local.get $start) (local.get $rows)))
        (if (i32.gt_u (local.get $end) (local.get $n)) (then (local.set $end (local.get $n))))
        (local.set $i (local.get $start))
        (block $listdone
          (loop $list
            (br_if $listdone (i32.ge_u (local.get $i) (local.get $end)))
            (i32.store (i32.add (local.get $pending) (i32.shl (local.get $i) (i32.const 2))) (local.get $i))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $list)))
        (global.set $inertiaSum (f64.const 0))
        (local.set $changed
          (call $searchList (local.get $h) (local.get $c) (local.get $start) (local.get $end) (local.get $bounds) (local.get $trace)))
        (f64.store (i32.add (i32.load offset=64 (local.get $h)) (i32.shl (local.get $c) (i32.const 3))) (f64.convert_i32_u (local.get $changed)))
        (f64.store (i32.add (i32.load offset=68 (local.get $h)) (i32.shl (local.get $c) (i32.const 3)))
          (select (global.get $inertiaSum) (f64.const 0) (local.get $trace)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $chunks))))

  ;; assign-hamerly over chunks [$c0, $c1): bound checks for every row, listing the rows whose bounds fail even after
  ;; measuring their own centre; then those rows searched ($searchList) in row order; then, when $trace, the chunk's
  ;; inertia in row order.
  (func (export "assignHamerly") (param $h i32) (param $c0 i32) (param $c1 i32) (param $trace i32)
    (local $c i32) (local $i i32) (local $start i32) (local $end i32) (local $n i32) (local $d i32)
    (local $x i32) (local $rows i32) (local $rowBytes i32) (local $centers i32) (local $labels i32)
    (local $upper i32) (local $lower i32) (local $shift i32) (local $half i32) (local $pending i32)
    (local $listed i32) (local $a i32) (local $changed i32)
    (local $u f64) (local $l f64) (local $m f64) (local $hs f64) (local $margin f64) (local $inertia f64)
    (local $maxShift f64) (local $otherMaxShift f64) (local $argMaxShift f64)
    (local.set $n (i32.load offset=0 (local.get $h)))
    (local.set $d (i32.load offset=4 (local.get $h)))
    (local.set $rows (i32.load offset=16 (local.get $h)))
    (local.set $x (i32.load offset=20 (local.get $h)))
    (local.set $centers (i32.load offset=24 (local.get $h)))
    (local.set $shift (i32.load offset=32 (local.get $h)))
    (local.set $half (i32.load offset=36 (local.get $h)))
    (local.set $maxShift (f64.load offset=0 (i32.load offset=40 (local.get $h))))
    (local.set $otherMaxShift (f64.load offset=8 (i32.load offset=40 (local.get $h))))
    (local.set $argMaxShift (f64.load offset=16 (i32.load offset=40 (local.get $h))))
    (local.set $labels (i32.load offset=44 (local.get $h)))
    (local.set $upper (i32.load offset=48 (local.get $h)))
    (local.set $lower (i32.load offset=52 (local.get $h)))
    (local.set $pending (i32.load offset=72 (local.get $h)))
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    ;; The JavaScript kernels' SKIP_MARGIN, 1 + 1e-10, rounded the same way.
    (local.set $margin (f64.add (f64.const 1) (f64.const 1e-10)))
    (local.set $c (local.get $c0))
    (block $chunksdone
      (loop $chunks
        (br_if $chunksdone (i32.ge_u (local.get $c) (local.get $c1)))
        (call $clearChunk (local.get $h) (local.get $c))
        (local.set $start (i32.mul (local.get $c) (local.get $rows)))
        (local.set $end (i32.add (local.get $start) (local.get $rows)))
        (if (i32.gt_u (local.get $end) (local.get $n)) (then (local.set $end (local.get $n))))
        (local.set $listed (local.get $start))
        (local.set $i (local.get $start))
        (block $checkdone
          (loop $check
            (br_if $checkdone (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $a (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $u (f64.add
              (f64.load (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))))
              (f64.load (i32.add (local.get $shift) (i32.shl (local.get $a) (i32.const 3))))))
            (local.set $l (f64.sub
              (f64.load (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))))
              (select (local.get $otherMaxShift) (local.get $maxShift)
                (f64.eq (f64.convert_i32_s (local.get $a)) (local.get $argMaxShift)))))
            (local.set $hs (f64.load (i32.add (local.get $half) (i32.shl (local.get $a) (i32.const 3)))))
            (local.set $m (select (local.get $hs) (local.get $l) (f64.gt (local.get $hs) (local.get $l))))
            (if (f64.gt (f64.mul (local.get $u) (local.get $margin)) (local.get $m))
              (then
                (local.set $u (f64.sqrt (call $sqDist
                  (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes)))
                  (i32.add (local.get $centers) (i32.mul (local.get $a) (local.get $rowBytes)))
                  (local.get $d))))
                (if (f64.gt (f64.mul (local.get $u) (local.get $margin)) (local.get $m))
                  (then
                    (i32.store (i32.add (local.get $pending) (i32.shl (local.get $listed) (i32.const 2))) (local.get $i))
                    (local.set $listed (i32.add (local.get $listed) (i32.const 1)))))))
            (f64.store (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))) (local.get $u))
            (f64.store (i32.add (local.get $lower) (i32.shl (local.get $i) (i32.const 3))) (local.get $l))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $check)))
        (local.set $changed
          (call $searchList (local.get $h) (local.get $c) (local.get $start) (local.get $listed) (i32.const 1) (i32.const 0)))
        (local.set $inertia
          (if (result f64) (local.get $trace)
            (then (call $rowsInertia (local.get $h) (local.get $start) (local.get $end)))
            (else (f64.const 0))))
        (f64.store (i32.add (i32.load offset=64 (local.get $h)) (i32.shl (local.get $c) (i32.const 3))) (f64.convert_i32_u (local.get $changed)))
        (f64.store (i32.add (i32.load offset=68 (local.get $h)) (i32.shl (local.get $c) (i32.const 3))) (local.get $inertia))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $chunks))))

  ;; Sum of squared distances from rows [$i, $end) to their assigned centres, in row order.
  (func $rowsInertia (param $h i32) (param $i i32) (param $end i32) (result f64)
    (local $d i32) (local $x i32) (local $centers i32) (local $labels i32) (local $rowBytes i32) (local $s f64)
    (local.set $d (i32.load offset=4 (local.get $h)))
    (local.set $x (i32.load offset=20 (local.get $h)))
    (local.set $centers (i32.load offset=24 (local.get $h)))
    (local.set $labels (i32.load offset=44 (local.get $h)))
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 3)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (call $sqDist
          (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rowBytes)))
          (i32.add (local.get $centers) (i32.mul
            (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2))))
            (local.get $rowBytes)))
          (local.get $d))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (local.get $s))

  ;; inertia over chunks [$c0, $c1): each chunk's sum of squared distances to the assigned centres.
  (func (export "inertia") (param $h i32) (param $c0 i32) (param $c1 i32)
    (local $c i32) (local $start i32) (local $end i32) (local $n i32) (local $rows i32)
    (local.set $n (i32.load offset=0 (local.get $h)))
    (local.set $rows (i32.load offset=16 (local.get $h)))
    (local.set $c (local.get $c0))
    (block $chunksdone
      (loop $chunks
        (br_if $chunksdone (i32.ge_u (local.get $c) (local.get $c1)))
        (local.set $start (i32.mul (local.get $c) (local.get $rows)))
        (local.set $end (i32.add (local.get $start) (local.get $rows)))
        (if (i32.gt_u (local.get $end) (local.get $n)) (then (local.set $end (local.get $n))))
        (f64.store (i32.add (i32.load offset=68 (local.get $h)) (i32.shl (local.get $c) (i32.const 3)))
          (call $rowsInertia (local.get $h) (local.get $start) (local.get $end)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $chunks))))
)
