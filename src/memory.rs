//! How the process takes memory from the system.

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing to do).
///
/// mimalloc asks the kernel for huge pages on its arenas; the kernel then zeroes 2 MiB at the
/// first touch of any byte of them, and again after mimalloc returns freed memory. On the
/// million-row inputs that zeroing was a large and varying share of the system time; without
/// huge pages the runs are steadier and peak lower (docs/performance.md).
pub fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of the calling process; it reads no
    // pointer. A kernel without it returns an error, which leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Frees `value` on a thread of its own. Freeing a million registrations' columns and texts
/// (some 100 MB in a few hundred thousand blocks, given back to the system) is time nothing
/// needs to wait for; the report is written meanwhile. If no thread can be started, it is
/// freed here.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    // A thread that cannot start drops its closure, and `value` with it, here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    /// Says on a channel when it is dropped.
    struct Signal(std::sync::mpsc::Sender<Option<String>>);

    impl Drop for Signal {
        fn drop(&mut self) {
            let _ = self
                .0
                .send(std::thread::current().name().map(str::to_string));
        }
    }

    #[test]
    fn a_value_dropped_in_the_background_is_dropped_on_another_thread() {
        let (sender, receiver) = std::sync::mpsc::channel();
        super::drop_in_background(Signal(sender));
        let thread = receiver
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("dropped");
        assert_eq!(thread.as_deref(), Some("free"));
    }
}
