/// Slots written once each from parallel iterations (each index by one iteration only).
struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(count: Int) { buffer = .allocate(capacity: count) }
    func initialize(_ i: Int, to value: T) { (buffer.baseAddress! + i).initialize(to: value) }
    /// Moves the value out of slot `i` (initialised), leaving the slot uninitialised.
    func take(_ i: Int) -> T { (buffer.baseAddress! + i).move() }
    /// Frees the memory; every slot must have been taken (uninitialised).
    func deallocate() { buffer.deallocate() }
}
