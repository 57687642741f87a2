"""The verbs a duty is read by: of procedure (建立, 报送, 整改…: something to do, modal word or
not), of policy (加强, 推进…: a duty only with a modal word, a named party or a concrete object),
of aims with nothing to check, and words of exhortation (高度重视…). Pure module (standard
library only); ``duties`` reads phrases with them.
"""

from __future__ import annotations

import re

#: Words that encourage, and whom they move after them (鼓励支持有条件的化工企业…, 倡导…).
ENCOURAGING = r"(?:鼓励|倡导|提倡)(?:和|、)?(?:支持|引导)?"
#: Verbs of procedure: a phrase with one states something to do, modal word or not.
ACTION = re.compile(
    r"建立|制定|(?<![已未没尚])完成(?![了]|情况|率|$|[^，,。；;]{0,8}的)|编制|组建|成立|设立|设置|配备|配齐|配足|报送|上报|报|备案|审批|审核|审查|核查|核实|"
    r"公示|公布|公告|告知|通知|"
    # (于11月30日前完工: a work finished by a date; not 已竣工, 竣工的, 开工率)
    r"(?<![已未没尚])(?:完工|竣工|开工|投产)(?![的率了])|"
    # (将订单信息实时传输至…平台: to send; 主动兑现, 推行…制: to pay out, to roll out; not 取得
    # …证书, mostly what makes one eligible)
    r"传输(?=至|到)|推送(?=至|到|给)|兑现|兑付|推行|"
    # (按季度向社会公开…, 及时发布…, 上传…系统: to make known or enter; not 公开、公平, 公开透明)
    r"公开(?![、，,。；;]|透明|公平|公正|的|性)|发布|上传|录入|张贴|悬挂|开具|建档|造册|"
    # (召开动员大会, 举办招聘会, 印发工作方案: an event held, a paper issued)
    r"召开|举办|印发(?!给)|"
    # (必要时停课, 停工停产, 组织群众撤离: what a response orders)
    r"停课|停业|停工|停运|停产(?!整顿|整治)|限产|撤离|疏散|(?<!主动)退出(?=[^，,。；;]{0,6}(?:经营|营运|运营|市场))|终止(?=[^，,。；;]{0,8}(?:响应|预警|状态|合同|协议))|解除|"
    # (同时抄送同级财政部门, 与监控设备联网: a copy sent, a link made)
    r"抄送|抄报|转送|联网|反馈|(?:如实|详细|准确|完整|逐一|认真)记录|"
    # (研究部署消防工作，协调解决重大问题: a meeting's business, each a duty)
    r"研究(?:部署|解决|制定|决定|处理)|协调(?:解决|处理)|"
    r"登记|签订|订立|签署|签字|发放|缴纳|存档|归档|保存|留存|组织(?!部)|"
    r"实行|负责(?!人|同志)|监督|检查|抽查|处理|处罚|追究|移交|验收|复核|确认|出具|提交|提供|"
    r"答复|整改|督促|参加|列入|纳入|接受|作出|形成|听取|邀请|主持|核对|退换|请假|更换|撤销|"
    r"取消|暂停|停止|责令|给予|查处|问责|处分|关停|取缔|没收|吊销|(?<!开)关闭|(?<!转移)支付|拨付|下达|签收|送达|约谈|通报|不得|禁止|严禁|配合|汇总|评审|"
    r"批准|办理|受理|(?:托底|妥善|予以|进行|集中)安置|聘请|委托|授权|安装|使用|采用|采取|回收|填报|填写|发至|筹集|"
    # (资金由市财政局…分配, 不足部分由县级财政兜底: funds shared out, a shortfall met)
    r"(?<!资金)(?<!法)分配(?!方案|结果|比例|因素|办法|方式|原则|工作|情况|按|应|须|要)|兜底(?!保障|线)|"
    # (not a paper named after the act: 认定证明, 检测报告, 登记证书, 申报表, 验收报告)
    r"(?:申报|认定|检验|检测|检定)(?!报告|证明|证书|书|表|材料|结果|合格证)|"
    r"承担|抽取|索要|遴选|核定|颁发|核发|协商(?=确定|一致|解决)|不予(?=安排|受理|拨付|批准|登记|许可|发放|支持|补偿|奖励|补助|补贴|认定|通过|办理|备案|报销|验收)|处置|清理|排查|巡查|撰写|考评|"
    r"(?<![经据按])测算|列支|收回|追回|追缴|(?<![主责信兼专现担])任(?!务|期|何|职)|担任|参与|进行|消除|清除|排除|"
    # (杜绝66人以上超大班额: the ones done away with, named by their number)
    r"杜绝(?=\s*[\d＿])|"
    # (开发一批科研助理岗位: jobs to create; not 开发区, 房地产开发)
    r"开发(?=[^，,。；;]{0,12}岗位)|"
    # (积极选拔…干部, 营造…良好环境, 改善…条件: directives, no aim of GUIDE 1.1's list)
    # (not a state hoped for: 人居环境显著改善, 得到有效改善)
    # (履行燃气安全监管职责: duties taken up, an act; not 履行下列义务：, a list's lead)
    r"(?<![未不没])(?<!未依法)(?<!不依法)(?<!未按规定)履行(?!下列|以下)(?=[^，,。；;]{0,12}(?:职责|义务))|"
    r"选拔|营造|(?<!有所)(?<!得到)改善(?=[\u4e00-\u9fff]{2})(?!的)|"
    # (压实工作责任: responsibilities assigned, an act)
    r"压实(?=[^，,。；;]{0,10}责任)|"
    # what an authority does to whom (严厉打击…, 予以立案, 全额退还…, 责令退回…)
    # (not as a word that describes: 完整、明确, 确定的中心, 移出申请)
    r"(?<![、])明确(?![的，,。；;、]|$)|"
    r"(?:确定|打击|查办|立案|表扬|表彰|扣减|调减|核减|扣罚|扣除|退还|返还|退回|补缴|补办|补齐|补足|补发|补交|移送|移出|编发|下发|"
    r"启动|调配|招聘|限制|禁入|定标|结算|督办|发送|寄送|提出|销号|挂牌|淘汰|拆除|"
    # (记入信用记录, 保证金上浮50%, 减免30%: a record kept of them, a deposit changed; not
    # 免除, a dismissal's word: 免除…职务)
    r"记入|上浮|下浮|减免|免收)(?!的|情况)|"
    # (逾期未缴纳的，按日加收滞纳金: a charge added, a sanction)
    r"加收(?=[^，,。；;]{0,12}(?:滞纳金|利息|违约金|罚款|罚息))|"
    # (对6周岁以下儿童免费乘坐公交车: a free ride, or a free visit, granted them)
    r"免费(?=乘坐|游览|进入|参观|入园|停车|停放|开放)|"
    # to equip with a system (全部装备自动化控制系统; not 装备制造, 装备水平: nouns)
    r"装备(?=[^，,。；;]{1,20}(?:系统|装置|设施|设备|器材))|"
    # 予以 and what is done (予以销号, 予以受理, 予以公开): an act, whatever its noun
    r"予以(?=[\u4e00-\u9fff]{2})|"
    # a target compared with something other than a number (不少于采伐面积, 低于全国平均水平)
    r"不少于|不低于|不高于|不超过|不突破|(?<![不])低于|不发生"
)
#: Verbs of policy (加强, 推进…): a duty with a modal word, a named party, or a concrete object
#: (实施…制度, 严格执行《…》, 建立…台账).
POLICY = re.compile(r"加强|完善|健全|推进|推动|做好|确保|保证|保障|建设|实施|落实|明确|开展|执行")
# (not a reform of one: 推进农村集体产权制度改革, an aim)
CONCRETE = re.compile(r"(?:制度|机制)(?!改革)|台账|档案|方案|预案|《|责任制")
#: A phrase that only sets a direction (推进…, 加快…, 建立健全…机制, 做好…): an aim with nothing
#: to check, a duty only where a modal word or a party named as acting makes it one.
AIM = re.compile(
    r"^(?:并且?|同时)?[，,\s]*"
    r"(?:进一步|积极|大力|着力|深入|切实|全面|充分|不断|继续|持续|努力|逐步|认真|严格|稳步|扎实|有效)*"
    r"(?:推进|推动|加快|加强|强化|加大|完善|(?:建立)?健全(?=[^，,。；;]*(?:机制|体系))|健全(?=[^，,。；;]*制度)|构建|深化|"
    r"巩固|提升|提高|优化|引导|支持|统筹|探索|发展|推广|规范|管控|控制|做好|抓好|搞好|做实|打造|"
    r"发挥(?=[^，,。；;]{0,16}作用))"
)


def aim_only(words: str) -> bool:
    """Whether a duty with no number of its own only sets directions (积极推进…建设), each of
    its phrases (加大执法力度，严厉打击…: the second one is a duty)."""
    parts = [p for p in re.split(r"[，,；;]", words) if p.strip()]
    return bool(parts) and all(AIM.match(p.strip()) for p in parts)


#: A principle to follow (遵循公开、公平、公正的原则), and the verbs a lead into listed duties ends
#: with (应当履行下列义务：): words shared by the patterns below.
PRINCIPLE = r"(?:遵循|坚持|贯彻|秉持|本着)[^，,。；;]{0,30}原则"
#: Tasks a lead counts (各乡镇要做好三项工作：一是…；二是…): its items are the duties.
COUNTED_TASKS = r"(?:做好|抓好|落实好|完成)[^。；;：:，,]{0,6}?[一二三四五六七八九十几]项"
LISTED_DUTIES = (
    r"(?:(?:履行|遵守|做到|符合|具备|落实|执行|承担|做好|抓好|完成)(?:下列|以下)|"
    + COUNTED_TASKS
    + ")"
)
#: …and the words a lead into listed bans ends with (用户不得有下列行为：).
LISTED_BANS = r"(?:不得|禁止|严禁|不准)(?:有|实施|从事|出现)?(?:下列|以下)"
#: Understanding, whose object runs on over the phrases after it (要充分认识到…，而在于…).
UNDERSTOOD = re.compile(r"认识到|充分认识")
#: Exhortation: an attitude to take, which no inspector can check (要充分认识到…, 要高度重视…,
#: 以先进为榜样, 珍惜荣誉): words of a notice, never a duty.
EXHORTATION = re.compile(
    UNDERSTOOD.pattern + r"|高度重视|提高认识|统一思想|思想认识|(?:加强|强化)组织领导|加强领导|"
    r"以[^，,。；;]{1,8}为榜样|珍惜荣誉|戒骄戒躁|开拓进取|再创佳绩|再创新的?佳绩|"
    r"进一步增强|增强[^，,。；;]{0,6}意识|树立[^，,。；;]{0,8}(?:意识|理念|观念)|"
    # (提高政治站位, 把思想和行动统一到…决策部署上来: a stance to take)
    r"(?:提高|提升)政治站位|统一到[^，,。；;]{2,30}上来|"
    # working together (密切配合，形成工作合力) and a principle to follow (遵循公开、公平、公正的
    # 原则): attitudes, nothing to check
    r"密切配合|形成[^，,。；;]{0,4}合力|齐抓共管|"
    # (把稳就业工作摆在突出位置: how high to rank it, an attitude)
    r"摆在[^，,。；;]{0,6}(?:突出|重要|首要|优先)位置|"
    # (应急物资储备实行分级负责、分类储备的原则: the principle a regime follows)
    r"(?:实行|遵循)[^，,。；;]{0,30}?原则(?=[，,。；;]|$)|"
    # a principle to hold to (坚持政府引导、社会参与, …，坚持问题导向), not 坚持每日巡查, 坚持执行…;
    # a modal word makes it a duty (要坚持育人为本)
    r"(?<![要应须])坚持(?!每|定期|开展|实行|执行|落实|做到|不懈)|"
    # (各乡镇、各有关部门按职责分工负责: who answers, nothing named to do)
    r"(?:按照?|根据)(?:各自)?职责(?:分工)?(?:负责|抓好落实)(?=[，,。；;]|$)|"
    r"通力(?:合作|协作)|各司其职|各负其责|协同配合|营造[^，,。；;]{0,16}(?:氛围|环境)|"
    # a task to hold dear (把乡村振兴作为重要任务; not 列入…议事日程, an act)
    # (…作为服务决策、争取支持的重要渠道: a means to value, as much an attitude)
    r"(?:把|将)[^，,。；;]{1,20}(?:作为|列为|摆上)[^，,。；;]{0,16}(?:重要|重大|首要|中心|头等|"
    r"重中之重)[^，,。；;]{0,4}(?:任务|工作|大事|位置|渠道|抓手|途径|手段|举措)|"
    + PRINCIPLE
    + r"(?:[，,。；;]|$)"
)


#: What a time limit asks to be done, beside the verbs of procedure (…10日内，补正材料; 办结,
#: 换发证照, 送检): read only after a deadline, never as a duty of their own (应急演练 is a noun).
DUE_THEN = re.compile(
    r"补正|清运|消毒|送检|换发|换证|注销|办结|结案|回复|修复|赔偿|上缴|缴回|销毁|缴存|补缴|续期"
)
