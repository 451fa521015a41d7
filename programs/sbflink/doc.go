// Package sbflink links relocatable BPF objects from upstream clang
// (clang-19 -target bpfel -mcpu=v2, or -mcpu=v3 with ALU32 fix-up) into an
// SBPF v3 program: the only version validators deploy once SIMD-0500
// (disable_sbpf_v0_v1_v2_deployment) is active.
//
// SBPF v3 (SIMD-0178 static syscalls, SIMD-0189 strict ELF, SIMD-0377 eBPF
// ISA compatibility) as implemented by solana-sbpf 0.23.0 (LiteSVM 1.5.0):
//
//   - The loader applies no relocations and ignores section headers, so
//     everything is resolved here and nothing dynamic is emitted.
//   - Two PT_LOAD segments right after the program header table: read-only
//     data (PF_R, vaddr 0) then bytecode (PF_X, vaddr 1<<32), 8-aligned,
//     contiguous, filesz == memsz. e_flags = 3, e_machine = EM_BPF (247).
//   - e_entry = 1<<32 + 8*pc of the entrypoint.
//   - Syscalls: call with src=0, imm = murmur3_32(name, seed 0). The loader
//     does not check the hash, so the syscall table here is the only guard.
//   - Internal calls: call with src=1, imm = target_pc - (pc + 1).
//   - lddw and 64-bit data pointers hold plain absolute addresses.
//   - The instruction set is SBPF v0 plus JMP32; no eBPF v4 instructions.
//   - add32/sub32/mul32 sign-extend their result while LLVM assumes
//     zero-extension, so clang's ALU32 output is refused unless the
//     ALU32 fix-up inserts a zero-extending mov32 after each of them.
package sbflink
