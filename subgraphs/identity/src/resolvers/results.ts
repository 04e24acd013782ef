// kit answers a refused @auth mutation with just `{ ok: false, error }`: these defaults keep the
// non-null fields of each result type valid in that case.
const orFalse = (key: string) => (r: Record<string, unknown>) => r[key] ?? false;
const orZero = (key: string) => (r: Record<string, unknown>) => r[key] ?? 0;

export const resultResolvers = () => ({
  AuthResult: {
    secondFactorRequired: orFalse('secondFactorRequired'),
    totpEnrolmentRequired: orFalse('totpEnrolmentRequired'),
  },
  SignOutResult: { revokedSessions: orZero('revokedSessions') },
  ChangePasswordResult: { revokedSessions: orZero('revokedSessions') },
  DataExportResult: { sections: (r: Record<string, unknown>) => r.sections ?? [] },
});
