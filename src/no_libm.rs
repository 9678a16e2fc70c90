//! `log10` for the binary, so that it does not load the system maths library.
//!
//! The only function the program takes from libm is `log10` (ratatui-textarea counts the
//! digits of line numbers with it). Loading libm for it costs about 300 KB of resident
//! memory, a sixteenth of the 5 MB the program may use with a bundled checklist; the
//! `libm` crate (a port of musl's) gives the same function in a few hundred bytes. With the
//! symbol defined here the linker, which links libraries only as needed, leaves libm out.

/// The base-10 logarithm, as C's `log10`.
#[unsafe(no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    libm::log10(x)
}

#[cfg(test)]
mod tests {
    #[test]
    fn gives_exact_powers_of_ten_and_digit_counts() {
        for (k, x) in [1.0, 10.0, 100.0, 1e3, 1e6, 1e15].into_iter().enumerate() {
            let expected = [0.0, 1.0, 2.0, 3.0, 6.0, 15.0][k];
            assert_eq!(super::log10(x), expected);
        }
        for n in 1u32..100_000 {
            let digits = super::log10(f64::from(n)) as u32 + 1;
            assert_eq!(digits, n.to_string().len() as u32, "{n}");
        }
        assert!((super::log10(2.0) - std::f64::consts::LOG10_2).abs() < 1e-15);
        assert!(super::log10(0.0).is_infinite() && super::log10(-1.0).is_nan());
    }
}
