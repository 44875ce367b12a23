package claims

// Word lists the rules read, all lower case.
var (
	// determiners open a noun phrase.
	determiners = set(`the a an this that these those his her its their our my your some many several
		most other both all no each every another such one two three four five six`)
	// subjectPronouns can be the subject of a cue.
	subjectPronouns = set(`he she it they we i you`)
	// relatives introduce a relative clause whose antecedent is the
	// subject: "Smith, who said …".
	relatives = set(`who which whose whom`)
	// auxiliaries and adverbs stand between a subject and its cue: "he has
	// also said", "Martin earlier said".
	between = set(`has have had 's 've would will could may might also later earlier previously then
		repeatedly again once recently publicly privately often frequently already still just even
		first initially separately further too all both herself himself itself themselves yet since
		subsequently last this next week month year weekend morning afternoon evening night today
		yesterday tonight monday tuesday wednesday thursday friday saturday sunday on however`)
	// weekdays stand between a subject and its cue: "Martin Monday said".
	weekdays = set(`monday tuesday wednesday thursday friday saturday sunday`)
	// months, after "in" or "on", are adjuncts: "said in May".
	months = set(`january february march april may june july august september october november december
		jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.`)
	// negations before a cue mean the speaker did not say it.
	negations = set(`not never n't didn't doesn't don't hasn't haven't hadn't won't wouldn't cannot`)
	// beForms before a cue make it passive: "it was reported that".
	beForms = set(`is are was were be been being`)
	// timeWords are skipped after a cue: "said Tuesday that".
	timeWords = set(`today yesterday tonight monday tuesday wednesday thursday friday saturday sunday
		earlier later recently previously repeatedly again also then once publicly privately`)
	// adjunctPreps open a phrase between a cue and its content: "said in
	// a statement that", "told reporters on Tuesday".
	adjunctPreps = set(`in on at during via through after before from with to of over for while when`)
	// chainPreps join a noun phrase to the one before it: "a spokesman for
	// the company", "Stu Rothenberg of the Rothenberg Political Report".
	chainPreps = set(`of for at from in with on`)
	// npStops end a noun phrase read leftwards: function words and verbs
	// that cannot sit inside one.
	npStops = set(`that which who whom whose when where while because but if as after before than to not
		is are was were be been being has have had do does did will would can could should may might must
		and or nor so yet by about over under into through against since until also then there here
		just only even still very more less much too however meanwhile though although whether
		said says say told tells saying telling according now long twice amid ago later earlier soon
		already first again once here there today yesterday tonight ever never always recently instead
		well back away out up down off hours days weeks months years minutes moments`)
	// objectPronouns and common addressees: "told reporters", "told him".
	addressees = set(`me him her us them you reporters journalists lawmakers supporters voters
		listeners viewers readers members senators congress parliament students workers officials
		investigators police`)
	// titles precede a name and are not part of it.
	titles = set(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt.
		col col. capt capt. sgt sgt. adm adm. rev rev. president vice prime minister secretary senator
		representative congressman congresswoman governor mayor chancellor judge justice chairman
		chairwoman chair chief director general ambassador commissioner spokesman spokeswoman
		spokesperson king queen prince princess pope sheikh former deputy attorney lord lady sir dame
		leader speaker candidate professor coach officer detective inspector sergeant superintendent
		mrs. chief executive ceo founder`)
	// orgNouns head descriptions of organisations: "the agency said".
	orgNouns = set(`agency company firm group organisation organization ministry department government
		administration committee council party bank university campaign newspaper network paper union
		court board office commission authority institute center centre corporation lab laboratory
		service club team regulator watchdog military army navy police embassy foundation association
		coalition movement parliament senate house congress cabinet kremlin pentagon
		outlet station magazine website site channel broadcaster studio airline manufacturer maker
		giant retailer startup business`)
	// personNouns head descriptions of people: "the spokesman said".
	personNouns = set(`spokesman spokeswoman spokesperson official minister president senator lawmaker
		governor mayor chief director executive ceo chairman chairwoman chair secretary candidate
		leader head lawyer attorney judge prosecutor commander general ambassador aide adviser advisor
		analyst expert professor researcher economist representative congressman congresswoman man
		woman source diplomat officer spokesperson founder owner manager strategist pollster
		consultant nominee rival challenger incumbent businessman businesswoman billionaire author
		writer reporter columnist activist witness resident father mother son daughter wife husband
		doctor scientist teacher student worker employee member`)
	// pluralNouns head descriptions of groups: "officials said".
	pluralNouns = set(`officials authorities analysts experts critics sources lawmakers investigators
		researchers prosecutors aides advisers advisors diplomats residents witnesses observers
		supporters opponents people democrats republicans leaders executives economists scientists
		activists voters members spokesmen police ministers senators representatives negotiators
		organizers organisers protesters officers doctors workers employees politicians
		commentators pollsters strategists insiders allies`)
	// orgWords inside a capitalized name make it an organisation.
	orgWords = set(`inc inc. corp corp. co co. ltd ltd. llc plc agency ministry department party committee
		council university bank group times post news journal association institute centre center
		foundation commission office service union lab labs company corporation administration
		campaign court board network press house senate congress parliament government fund
		organization organisation alliance coalition federation league club tribune herald
		guardian telegraph reuters bloomberg cnn bbc msnbc nbc abc cbs fox npr pbs ap afp nato un eu
		fbi cia nsa gop dnc rnc school college police army navy force forces command`)
	// weakCapitals are capitalized at the start of a sentence but are not
	// names.
	weakCapitals = set(`the a an in on at but and or so as if when while after before this that these
		those his her its their our my your some many several most other both all no each every
		another such he she it they we i you there here however meanwhile still yet also then
		according asked speaking`)
)

// Common first names in English-language news, to keep "she" from a man
// and "he" from a woman. A name on neither list fits both.
var (
	femaleNames = set(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
		betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah
		stephanie rebecca laura sharon cynthia kathleen amy angela shirley anna ruth brenda pamela
		nicole katherine samantha christine catherine emma helen debra rachel carolyn janet maria
		heather diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha
		cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria teresa doris sara janice
		julia marie madison grace judy theresa beverly denise marilyn amber danielle abigail brittany
		rose diana natalie sophia alexis lori kayla jane hillary nikki elise kirsten tammy kamala
		nancy dianne sheila condoleezza madeleine ivanka melania chelsea huma kellyanne sarah megyn
		michele carly ruth sonia elena angela theresa nicola marine jacinda ursula christine jill
		susana stacey gretchen maxine debbie kristen ayanna ilhan alexandria rashida liz`)
	maleNames = set(`james robert john michael david william richard joseph thomas charles christopher
		daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
		timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
		scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler
		aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
		keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy
		joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
		russell bobby mason philip louis barack bernie ted marco jeb chris mike mitch newt rand ben
		rick reince bill vladimir xi boris emmanuel justin tim tom jim bob dick al
		rudy rex jared steve sean kevin chuck harry ron mitt sam nick dan greg pete
		beto cory kirk bret tucker rush rupert roger lloyd jay jon colin keir rishi nigel ciaran`)
)
