/// Slots written once each from parallel iterations (each index by one iteration only).
struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(count: Int) { buffer = .allocate(capacity: count) }
    func initialize(_ i: Int, to value: T) { (buffer.baseAddress! + i).initialize(to: value) }
    /// Deinitialises every slot (all must have been initialised) and frees the memory.
    func free() {
        _ = buffer.baseAddress.map { $0.deinitialize(count: buffer.count) }
        buffer.deallocate()
    }
}
