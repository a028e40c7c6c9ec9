import ArgumentParser
import EspoMailCore

extension CaseStatus: ExpressibleByArgument {}
extension ConnectionSecurity: ExpressibleByArgument {}
extension CaseDistribution: ExpressibleByArgument {}
