import EspoMailCore
import EspoMailStore

extension StoreCreation: StableJSON {}
extension CRMFollowResult: StableJSON {}
extension AccountTestReport: StableJSON {}
extension AccountStatus: StableJSON {}
extension EmailExplanation: StableJSON {}
extension NotifiedUser: StableJSON {}
extension LinkResult: StableJSON {}
extension PreviewTurn: StableJSON {}
extension OutboundStatus: StableJSON {}
extension FilterTestResult: StableJSON {}
extension FetchReport: StableJSON {}
extension AccountFetchReport: StableJSON {}
extension FolderFetchError: StableJSON {}
extension FolderInfo: StableJSON {}
