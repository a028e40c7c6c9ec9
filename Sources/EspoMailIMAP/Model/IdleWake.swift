/// What ended an IDLE wait (`IMAPClient.waitInIdle`).
public enum IdleWake: Sendable, Equatable {
  /// The server reported a change of the selected folder: new mail (EXISTS, RECENT), a removal
  /// (EXPUNGE) or changed flags (FETCH); or, after `IMAPClient.notify`, of another folder (STATUS).
  case changed
  /// The interrupt descriptor became readable: the caller wants the session back.
  case interrupted
  /// Nothing happened within the time given.
  case timedOut
}
