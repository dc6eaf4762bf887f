#if canImport(Glibc)
import Glibc
#endif

/// glibc's own `wcwidth`, in a UTF-8 locale set for this thread only (`uselocale`), so no other test sees it.
public enum GlibcWidth {
    private typealias Width = @convention(c) (wchar_t) -> Int32

    /// The sum of `wcwidth` over the code points of `text`; nil when glibc or the locale is missing, or a code point
    /// is not printable.
    public static func total(_ text: String) -> Int? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"),
              let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return nil }
        defer { freelocale(locale) }
        let wcwidth = unsafeBitCast(symbol, to: Width.self)
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        var total = 0
        for scalar in text.unicodeScalars {
            let width = wcwidth(wchar_t(bitPattern: scalar.value))
            guard width >= 0 else { return nil }
            total += Int(width)
        }
        return total
    }
}
