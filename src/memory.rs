//! How the process takes memory from the system.

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing to do).
///
/// mimalloc asks the kernel for huge pages on its arenas; the kernel then zeroes 2 MiB at the
/// first touch of any byte of them, and again after mimalloc returns freed memory. On the
/// million-row inputs that zeroing took 0.3–0.6 s of system time out of about 2 s of CPU, and
/// varied from run to run; without huge pages, about 0.15 s and a lower peak (docs/performance.md).
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of the calling process; it reads no
    // pointer. A kernel without it returns an error, which leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
