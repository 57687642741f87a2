"""The words that end the name of a party: an authority's (政府, 部门, 局, 委, 办…) or a
regulated party's (企业, 单位, 配送中心, 采购人, 供应商…). Pure module (standard library only):
the vocabulary ``parties`` reads names with, kept apart from how it reads them.
"""

from __future__ import annotations

#: The government's own units (市直各单位, 县直单位): an authority, though its name ends in 单位.
GOVERNMENT_UNITS = r"[市县区]直(?:各|有关)?单位"
#: Endings of the names of authorities (longest first where one contains another).
AUTHORITY = (
    # (政府采购, 政府投资项目: a kind of purchase or project, no government acting)
    r"人民政府|政府(?!采购|投资|性|债|购买|定价|指导价)|办事处|委员会|管委会|领导小组|工作小组|指挥部|联席会议|办公室|"
    # (办公室主任决定启动: the director, named as such; not 机构职责, an agency's duties)
    # (驻村工作队, 第一书记, 中国人民银行…中心支行: a team, an official, a central bank branch)
    r"工作队|(?:党委|党组|党支部|村党组织)?(?:第一)?书记|中心支行|(?<=办公室)主任|(?<=指挥部)(?:总|副)?指挥长|(?<!跨)部门|机关|机构(?!职责|改革|设置|编制)|单位主管部门|主管部门|监管部门|执法部门|"
    # (no name holds 每/向/在/将: 人社部门每半年向市人社局报送 names 人社部门, not up to 市人社局)
    r"(?:(?![每向在将])[^\s，。；、]){1,12}?(?:局|委(?!员会)|(?<![督承协代包查经举])办(?!事处|公室|法|理)|厅|署|法院|检察院|派出所|司法所|"
    r"(?<![学本专外内儿妇眼牙工理文医农])科(?![学技研室目普])|服务所|服务站|保障所|工作站|管理所|"
    r"监督所|检验所|检测所|财政所|财政分局|经管所|经管站|农经站|农技站|林业站|水利站|国土所|税务所|"
    r"市场监管所|市场监督管理所|"
    r"管理处|管理站|检测站|监测站|检查站|指导站|监管站|监督站|防疫站|兽医站|组织部|宣传部|统战部|执法队|大队|中队|支队|队伍|救援队|消防站|救援站)|"
    r"指导中心|服务中心|发展中心|检测中心|监测中心|疾控中心|(?:疾病|动物疫病)?预防控制中心|管理中心|登记中心|保护中心|"
    # (县防指, 市安委办, 县应急办: the short names of commands and their offices)
    r"防指|森防指|安委办|安委会|应急办|防火办|减灾委|"
    # (乡镇、村两级要…; 县、乡、村三级: the levels of government named together)
    r"(?<=[乡镇村县市区省])[两二三四五]级(?![财政府党委联])|"
    # (县社保中心, 县医保中心, 县公共资源交易中心, 县就业和人才服务中心, 县应急指挥中心)
    r"(?:社保|医保|社会保险|社会保险事业|就业|人才|交易|结算|经办|征收|事务|救助|援助|指挥|调度)中心|"
    r"督导机构|专家组|研究室|督查室|督导室|管委会|"
    # (各成员单位每月25日前报送…: a command's member bodies; a task's lead and partner units)
    r"(?:成员|牵头|配合|协办)单位|"
    # (县财政国库支付中心应当…, 评价工作组应当…: a treasury's payment office, a working group)
    r"(?:国库)?(?:集中)?支付中心|(?:评价|考核|督导|督查|检查|工作)组(?![织成建长员])|"
    r"检查人员|执法人员|监管人员|督查人员|抽查人员|审批人员|监察人员|检查组|督查组|执法队员|"
    # officials acting for their bodies (由市长签发, 由总指挥签发, 由分管副市长召集)
    r"(?<![增成生延])(?:[省市县区镇乡]长|副[省市县区镇乡]长)|总指挥|指挥长|分管领导|主要领导|"
    # (由县应急管理局局长决定启动, 市卫健委主任: a body's head, after its name)
    r"(?<=局)副?局长|(?<=厅)副?厅长|(?<=[委办])副?主任|"
    # (市政府组成人员要…, 市政府领导同志出席…: the members of a government, its leaders)
    r"(?<=政府)(?:组成人员|领导同志)|"
    # mass organisations and river chiefs (团市委、市妇联、市总工会; 各级河长)
    r"团[省市县区]委|妇联|总工会|工会|残联|(?<=残疾人)联合会|科协|工商联|红十字会|河长|湖长|林长|"
    # (市供销社要加强农资储备: the supply and marketing cooperative, acting for the government)
    r"供销社|供销合作社|"
    r"(?:经济|技术|高新|经济技术|旅游|产业)?开发区|高新区|"
    r"各县（市、区）|各县\(市、区\)|县（市、区）|各乡镇（街道）|各乡镇|各街道|乡镇（街道）|"
    r"乡镇人民政府|街道办事处|县直各部门|市直各部门|市直有关部门|各有关部门|有关部门|各部门|"
    # (市直各单位, 区直单位: the government's own units; 各功能区, 各区市, 各旗县区, 各盟市: the
    # areas under a city or a region, each its government)
    + GOVERNMENT_UNITS
    + r"|各(?:功能区|区市|旗县区|旗县|州市|盟市)|"
    r"安委会|安委办|纪委|监察委|审计机关|财政部门|税务部门|公安机关|"
    # a government's treasury named by its level (市财政每年安排…; not 财政资金, 财政局)
    r"(?:(?:省|市|县|区|乡|镇)级?|各级|本级|同级|[两三四]级|各县（市、区）|各县\(市、区\)|各(?:县|市|区))"
    r"财政(?![局部厅所资预收支专补拨体])|"
    # (各镇街, 各镇（街）: the towns and subdistricts, in short)
    r"各镇街|镇街|各镇[（(]街[）)]|各镇(?:[（(]街道[）)])?|镇[（(]街道[）)]|"
    # (not a street: 主要街道, 次要街道, 其他街道每日清扫…)
    r"(?<!主要)(?<!次要)(?<!其他)(?<!一般)(?<!城区)(?<!城市)(?<!商业)街道|各(?:行政)?村(?![民庄落级])|村(?:[（(]居[）)])?委会|居委会|村委会|"
    r"乡镇|镇政府|乡政府|各地(?:区|方)?|各级(?:政府|人民政府)?|各区县|各县区|各县市区|各市县|各市|各区|各县|村[（(]社区[）)]|社区|网格员|网格长|"
    # (河长制, 田长制: the officials who answer for a river, a field, a forest, a road)
    r"(?:[镇乡县市区村]级|乡镇|村)?(?:田长|河长|湖长|林长|路长)|"
    # the addressee of a reply (你区要加强…, 你县, 你市)
    r"你(?:区|县|市|镇|乡|省|局|委|办)|"
    # a level of government acting as such (县级通过安排专项资金承担…; not 县级以上, 县级财政局)
    r"(?<![\u4e00-\u9fff])(?:省|市|县|区|乡镇|乡)级(?=通过|一般|应(?!急)|要|须|负责|承担|安排|按|不|可|将|原则上)"
)
#: Endings of the names of inspected parties.
REGULATED = (
    # 评标委员会: the purchaser's own evaluation committee, checked with its procurement (and its
    # panels for a quote or a negotiation: 询价小组, 谈判小组, 磋商小组)
    r"生产经营单位|企业|公司|工地|厂|矿山|(?<!尾)矿(?![库区山井石产物藏泉渣])|配送中心|配送点|园区|评标委员会|"
    r"(?:询价|谈判|磋商|评审|评标)小组|经营户|经营者|业户|个体工商户|供应商|"
    # (用水户应当按月缴纳水费: a household or firm that takes water, gas, power or heat)
    r"用(?:水|气|电|热|能)户|"
    # (相关单位和人员: the people of a list of parties)
    r"(?<=[和及与])(?:人员|职工)|"
    r"采购人|代理机构|承包商|施工单位|建设单位|使用单位|责任单位|(?<!成员|牵头|配合|协办)单位|学校(?!舍|食堂)|幼儿园|医院|"
    r"养老机构|场所(?!在地)|商户|网点|站点|门店|司机|驾驶员|从业人员|负责人|法定代表人|主要负责人|"
    r"驾驶人员|作业人员|操作人员|特种作业人员|管理人员|押运人员|装卸人员|经营人员|生产人员|"
    r"技术人员|护理人员|医务人员|服务人员|驾驶人|承运人|托运人|出租人|业主大会|业主委员会|(?<!企)业主|户主|"
    # a platform's operator, a service's provider (网络餐饮服务第三方平台提供者)
    r"提供者|运营者|平台|(?:加油|加气|充电|换电|供气|供应|储配|加油加气|充装)站|停车场|(?:零售|销售|经营|批发|供应)点|"
    # (客运站应当…, 港口经营人: the ones a transport rule binds)
    r"(?:汽车|客运|货运|长途|公交)(?:客运)?(?:站|场站|枢纽)|码头|"
    # an institution that is checked (医疗机构, 检测机构, 培训机构), not one that checks
    r"(?<!监管|管理|执法|行政|主管|审批|督导|监督|议事|协调|监察|救援)机构(?!职责|改革|设置|编制)|"
    r"配送中心（点）|配送中心\(点\)|个人|当事人|教师|校长|副校长|经办人|工作人员|"
    # the parties of a procurement and of a supply (中标人, 投标人, 评审专家, 燃气用户)
    r"中标人|投标人|竞买人|申请人|劳动者|有关人员|相关人员|现场人员|纳税人|缴费人|参保(?:人员|居民|职工)|参保人|扣缴义务人|评标委员会成员|评审专家|用户|项目总监|项目经理|"
    r"设置人|管理人|经营人|产权人|权利人|委托人|受托人|申报人|"  # (户外广告设置人: who holds)
    r"负责同志|班子成员|经销商|销售商|零售商|批发商|商家|持有人|持证人|承租人|"
    # (农贸市场开办者, 食品销售者; 护林员, 安全员: the ones who run a market, sell, keep watch)
    r"开办者|销售者|生产者|使用者|护林员|安全员|保安员|管理员|检验员|质检员|"
    # (送餐人员应当保持个人卫生, 导游应当…: the ones who deliver, clean, guide or cook)
    r"送餐人员|配送人员|快递员|骑手|保洁人员|保洁员|导游|讲解员|厨师|"
    # (social organisations and farms that are inspected; whoever must restore land)
    r"社会组织|基金会|协会|商会|民办非企业单位|(?<!供销)合作社|养殖场|养殖户|网吧(?!经营)|义务人|监测员|责任人|"
    # the ones who complain, report or ask (投诉人对处理决定不服的，可以…)
    r"投诉人|举报人|质疑人|申报人|委托人|受托人|监护人|权利人|报告人|代理人|担保人|"
    # clinics and homes that are inspected
    # (社区卫生服务中心, 养老服务中心, 物流中心: a clinic, a home, a depot that is checked)
    r"卫生服务(?:中心|站)|养老服务中心|物流中心|"
    r"卫生院|卫生室|诊所|养老院|敬老院|福利院|食堂|餐厅|酒店|宾馆|超市|商场|"
    # (旅馆应当对住宿旅客…登记, 电影院应当…: the place's keeper acts)
    r"旅馆|民宿|招待所|饭店|客栈|浴室|影院|电影院|剧院|游泳馆|健身房|"
    r"院校|高校(?!毕业)|大学(?!毕业)|学院|"
    # (高校毕业生…的，可以到…进行失业登记: the people a measure serves act, not their school)
    r"毕业生|"
    # the parties of a works contract and of a building (项目法人, 招标人, 发包人, 物业服务人)
    r"项目法人|招标人|发包人|承包人|分包人|物业服务人|所有权人|使用人|执业人员|监测人员|"
    r"家属|亲属|商铺|各校|"
    # (定点零售药店应当…, 申请家庭应当如实申报…, 承租家庭应当按时缴纳租金: a pharmacy, a household
    # that applies or rents)
    r"药店|药房|中央厨房|(?:食品)?小作坊|食品摊贩|小餐饮|(?:申请|承租|保障|困难|低保|特困|受助|救助|贫困|脱贫)家庭|"
    # the ones a credit rule binds (市场主体, 失信主体, 失信被执行人, 检查对象), not a role
    # (责任主体, 监管主体)
    r"(?:市场|失信|守信|经营|信用)主体|被执行人|检查对象|抽查对象|接待对象|"
    # (约谈对象应当在约谈后15个工作日内提交整改报告: the one talked to, as the one checked)
    r"约谈对象|被约谈(?:人|单位|企业)|监管对象|执法对象|"
    # (who keeps a village clean; who farms)
    r"保洁员|种粮大户|种植大户|家庭农场|农户|承包户|经济组织|上岗人员|"
    # (流转双方, 养殖场户: the parties of a land transfer, a farm)
    r"(?:流转|合同|买卖|交易)双方|养殖场户|(?:被约谈|约谈|申请|供|需|运营|承接|服务)方|"
    # (执业药师应当在岗, 值班人员不得擅离职守, 照管人员不得离开: the ones on duty; a market's
    # own)
    # (外卖骑手每日应当进行体温检测: who delivers)
    r"骑手|快递员|配送员|外卖员|"
    # (开发商应当缴存…, 摊贩不得占道经营, 律师应当…, 志愿者…: who trades, serves or gives)
    r"开发商|运营商|服务商|代理商|承运商|(?:出租|承租)方|房东|租户|住户|摊主|摊贩|店主|商贩|船员|"
    r"渔民|种植户|医师|护士|律师|会计师|社会工作者|志愿者|捐赠人|受赠人|慈善组织|"
    r"药师|护理员|保育员|育婴员|村医|乡村医生|家庭医生|工作队员|值班人员|照管人员|乘务员|厨师|(?:农贸|集贸|批发|农产品)市场|"
    # (旅行社, A级旅游景区, 承办者, 殡仪馆, 理事会, 社会团体, 婚姻登记员, 儿童主任: the ones a
    # tourism, event or civil-affairs rule binds)
    r"旅行社|组团社|地接社|导游(?:人员)?|领队|(?:综合)?文化(?:馆|站)|博物馆|纪念馆|图书馆|美术馆|(?:旅游)?景区|承办者|主办者|举办者|(?:家庭医生|签约服务|医疗)团队|殡仪馆|公墓|理事会|社会团体|登记员|儿童主任|男女双方|"
    # (统计调查对象, 报送单位, 机要人员, 职工: who reports, keeps secrets, pays in)
    # (企业职工人数在300人以上的: the firm's head count, 职工 no party of its own)
    r"调查对象|报送单位|填报单位|机要人员|(?<![教])(?:职工|员工)(?!人数|总数|数)|"
    # (渔船应当回港, 救灾物资储备库应当储备…, 危险区人员应当立即转移)
    r"渔船|船舶|储备库|危险区人员|"
    # (搅拌站, 施工现场, 料场: the sites a dust rule binds)
    r"搅拌站|施工现场|(?:砂石)?(?:料场|堆场)|"
    # (施工队伍负责人须持有…, 建房户应当委托…: who builds a house, and for whom)
    r"施工队伍?|施工班组|建房户|"
    # (犬主应当为其束犬链, 养犬人应当…: who keeps a dog)
    r"犬主|养犬人|"
    # (渣土运输车辆禁止上路行驶, 网约车应当…, 校车: the vehicles a transport rule binds)
    r"(?:渣土|运输|营运|出租|网约|货运|客运|专用|危险货物运输|机动)车辆(?![管检购])|渣土车|网约车|出租车|校车|"
    r"(?:柴油|重型|中型|轻型)?货车|柴油车|"
    # (出差人员, 参会人员, 公厕保洁人员, 领导干部, 包保干部, 信访人, 价格监测点: who travels,
    # attends, cleans, visits, petitions or reports prices)
    r"(?:出差|参会|参训|保洁)人员|"
    # (竞得人, 受让人, 采矿权人: the parties of a land sale or a mining right)
    # (被征收人, 被拆迁人: whose house or land is taken)
    r"(?:竞得|受让|出让|转让|买受|采矿权|探矿权|土地使用权|用地使用权|被征收|被拆迁|使用权)人|(?:领导|包保|驻村|帮扶)干部|信访人|监测点|"
    # (购机者应当…, 动物饲养场, 生鲜乳收购站, 货主, 生产主体: the ones a farm rule binds)
    r"(?:购机|购买|购房|购车|申请|消费|投资|所有|持有|承包|养殖|饲养|屠宰|收购|运输|贮存|储存)者|养犬人|饲养人|"
    r"(?:饲养|屠宰|孵化|种畜禽|畜禽养殖)场|养殖小区|收购站|收购点|货主|车主|船主|雇主|"
    r"(?:生产|生产经营|农产品生产)主体|"
    # (劳动保障监察员, 劳资专管员, 帮办代办人员: whoever holds the post; not any 人员: 企业吸纳
    # 就业困难人员 names whom a party takes on)
    r"(?:监察|专管|协管|联络|信息|统计|巡查|巡河|巡湖|护河|巡护|河道保洁)员|(?:帮办|代办|窗口|经办|安保|巡查|巡逻|巡护|看守|值守|监护|维保|运维|施工|救生|医护|保育)人员|"
    # (见习基地, 实训基地: a base that trains)
    r"(?:见习|实训|实习|培训|生产|种植|养殖)基地"
)
