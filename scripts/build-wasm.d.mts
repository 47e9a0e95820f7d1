/** Types of build-wasm.mjs, for the unit test that checks the committed kernels against their source. */
export declare const WAT_PATH: string
export declare const OUT_PATH: string
export declare function assembleKernels(): Promise<Uint8Array>
export declare function kernelsSource(bytes: Uint8Array): string
