import ArgumentParser
import EspoMailCore

extension CaseStatus: ExpressibleByArgument {}
