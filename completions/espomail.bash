#!/bin/bash

__espomail_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__espomail_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__espomail_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__espomail_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_espomail() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--quiet --verbose --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    init|user|team|role|setting|config|key|store|audit|account|fetch|email|explain|filter|folder|group-folder|quarantine|crm|follow|unfollow|case|stream|notification|send|outbox|template|outbound|help)
        # Offer subcommand argument completions
        "_espomail_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'init user team role setting config key store audit account fetch email explain filter folder group-folder quarantine crm follow unfollow case stream notification send outbox template outbound help' -- "${cur}"))
        ;;
    esac
}

_espomail_init() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --name)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion init -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--name')
        return
        ;;
    esac
}

_espomail_user() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|show|set|email|role)
        # Offer subcommand argument completions
        "_espomail_user_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list show set email role' -- "${cur}"))
        ;;
    esac
}

_espomail_user_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --admin --inactive --create-db-role --version -h --help)
    repeating_options=(--email --team)
    non_repeating_options=(--store --as --format --name --default-team --db-role)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--name')
        return
        ;;
    '--email')
        return
        ;;
    '--team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user add -- --team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--default-team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user add -- --default-team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--db-role')
        return
        ;;
    esac
}

_espomail_user_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_user_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user show -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_user_set() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --active --inactive --admin --no-admin --create-db-role --no-db-role --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --name --db-role --default-team)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user set -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--name')
        return
        ;;
    '--db-role')
        return
        ;;
    '--default-team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user set -- --default-team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user set -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_user_email() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|remove)
        # Offer subcommand argument completions
        "_espomail_user_email_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add remove' -- "${cur}"))
        ;;
    esac
}

_espomail_user_email_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --primary --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user email add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user email add -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_user_email_remove() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user email remove -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user email remove -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_user_role() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|remove)
        # Offer subcommand argument completions
        "_espomail_user_role_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add remove' -- "${cur}"))
        ;;
    esac
}

_espomail_user_role_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user role add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user role add -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user role add -- positional@1 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_user_role_remove() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user role remove -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user role remove -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion user role remove -- positional@1 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_team() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|show|member)
        # Offer subcommand argument completions
        "_espomail_team_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list show member' -- "${cur}"))
        ;;
    esac
}

_espomail_team_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_team_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_team_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team show -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_team_member() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|remove)
        # Offer subcommand argument completions
        "_espomail_team_member_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add remove' -- "${cur}"))
        ;;
    esac
}

_espomail_team_member_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --position)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team member add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--position')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team member add -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team member add -- positional@1 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_team_member_remove() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team member remove -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team member remove -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion team member remove -- positional@1 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_role() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|set|preview)
        # Offer subcommand argument completions
        "_espomail_role_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show set preview' -- "${cur}"))
        ;;
    esac
}

_espomail_role_create() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role create -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_role_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_role_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role show -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_role_set() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role set -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role set -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_role_preview() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role preview -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion role preview -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_setting() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|set)
        # Offer subcommand argument completions
        "_espomail_setting_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show set' -- "${cur}"))
        ;;
    esac
}

_espomail_setting_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion setting list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_setting_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion setting show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_setting_set() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion setting set -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W 'b2c-mode'$'\n''auto-reply-limit'$'\n''auto-reply-period-hours'$'\n''personal-account-limit'$'\n''outbound-shared'$'\n''account-failure-notice'
        return
        ;;
    esac
}

_espomail_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    export|apply)
        # Offer subcommand argument completions
        "_espomail_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'export apply' -- "${cur}"))
        ;;
    esac
}

_espomail_config_export() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion config export -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_config_apply() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --dry-run --prune --allow-cleartext --allow-unowned-address --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion config apply -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    esac
}

_espomail_key() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create)
        # Offer subcommand argument completions
        "_espomail_key_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create' -- "${cur}"))
        ;;
    esac
}

_espomail_key_create() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion key create -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_store() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    copy)
        # Offer subcommand argument completions
        "_espomail_store_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'copy' -- "${cur}"))
        ;;
    esac
}

_espomail_store_copy() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --to --key-file)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion store copy -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--to')
        return
        ;;
    '--key-file')
        return
        ;;
    esac
}

_espomail_audit() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion audit -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_account() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|show|set|remove|test|reset|status)
        # Offer subcommand argument completions
        "_espomail_account_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list show set remove test reset status' -- "${cur}"))
        ;;
    esac
}

_espomail_account_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --group --personal --password-stdin --keep-unread --no-keep-unread --add-all-team-users --no-add-all-team-users --imap --no-imap --exclude-from-reply --no-exclude-from-reply --smtp-password-stdin --smtp-shared --no-smtp-shared --allow-cleartext --allow-unowned-address --version -h --help)
    repeating_options=(--folder --team --folder-map)
    non_repeating_options=(--store --as --format --owner --address --imap-host --imap-port --security --username --login-mechanism --ca-file --password-command --oauth2-token-command --fetch-since --portion --max-size --group-folder --smtp-host --smtp-port --smtp-security --smtp-username --smtp-login-mechanism --helo-name --from-name --reply-to-address --smtp-password-command --smtp-oauth2-token-command --sent-folder)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--owner')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account add -- --owner "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--address')
        return
        ;;
    '--imap-host')
        return
        ;;
    '--imap-port')
        return
        ;;
    '--security')
        __espomail_add_completions -W 'tls'$'\n''starttls'$'\n''none'
        return
        ;;
    '--username')
        return
        ;;
    '--login-mechanism')
        __espomail_add_completions -W 'auto'$'\n''plain'$'\n''login'$'\n''cram-md5'$'\n''digest-md5'$'\n''ntlm'$'\n''gssapi'
        return
        ;;
    '--ca-file')
        return
        ;;
    '--password-command')
        return
        ;;
    '--oauth2-token-command')
        return
        ;;
    '--folder')
        return
        ;;
    '--fetch-since')
        return
        ;;
    '--portion')
        return
        ;;
    '--max-size')
        return
        ;;
    '--team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account add -- --team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--group-folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account add -- --group-folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--folder-map')
        return
        ;;
    '--smtp-host')
        return
        ;;
    '--smtp-port')
        return
        ;;
    '--smtp-security')
        __espomail_add_completions -W 'tls'$'\n''starttls'$'\n''none'
        return
        ;;
    '--smtp-username')
        return
        ;;
    '--smtp-login-mechanism')
        __espomail_add_completions -W 'auto'$'\n''plain'$'\n''login'$'\n''cram-md5'$'\n''digest-md5'$'\n''ntlm'$'\n''gssapi'
        return
        ;;
    '--helo-name')
        return
        ;;
    '--from-name')
        return
        ;;
    '--reply-to-address')
        return
        ;;
    '--smtp-password-command')
        return
        ;;
    '--smtp-oauth2-token-command')
        return
        ;;
    '--sent-folder')
        return
        ;;
    esac
}

_espomail_account_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_account_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account show -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_account_set() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --password-stdin --keep-unread --no-keep-unread --add-all-team-users --no-add-all-team-users --imap --no-imap --exclude-from-reply --no-exclude-from-reply --smtp-password-stdin --smtp-shared --no-smtp-shared --allow-cleartext --allow-unowned-address --active --inactive --create-case --no-create-case --auto-reply --no-auto-reply --version -h --help)
    repeating_options=(--folder --team --folder-map)
    non_repeating_options=(--store --as --format --address --imap-host --imap-port --security --username --login-mechanism --ca-file --password-command --oauth2-token-command --fetch-since --portion --max-size --group-folder --smtp-host --smtp-port --smtp-security --smtp-username --smtp-login-mechanism --helo-name --from-name --reply-to-address --smtp-password-command --smtp-oauth2-token-command --sent-folder --distribution --case-team --position --assign-to --reply-template --reply-from --reply-from-name --reply-to)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--address')
        return
        ;;
    '--imap-host')
        return
        ;;
    '--imap-port')
        return
        ;;
    '--security')
        __espomail_add_completions -W 'tls'$'\n''starttls'$'\n''none'
        return
        ;;
    '--username')
        return
        ;;
    '--login-mechanism')
        __espomail_add_completions -W 'auto'$'\n''plain'$'\n''login'$'\n''cram-md5'$'\n''digest-md5'$'\n''ntlm'$'\n''gssapi'
        return
        ;;
    '--ca-file')
        return
        ;;
    '--password-command')
        return
        ;;
    '--oauth2-token-command')
        return
        ;;
    '--folder')
        return
        ;;
    '--fetch-since')
        return
        ;;
    '--portion')
        return
        ;;
    '--max-size')
        return
        ;;
    '--team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- --team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--group-folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- --group-folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--folder-map')
        return
        ;;
    '--smtp-host')
        return
        ;;
    '--smtp-port')
        return
        ;;
    '--smtp-security')
        __espomail_add_completions -W 'tls'$'\n''starttls'$'\n''none'
        return
        ;;
    '--smtp-username')
        return
        ;;
    '--smtp-login-mechanism')
        __espomail_add_completions -W 'auto'$'\n''plain'$'\n''login'$'\n''cram-md5'$'\n''digest-md5'$'\n''ntlm'$'\n''gssapi'
        return
        ;;
    '--helo-name')
        return
        ;;
    '--from-name')
        return
        ;;
    '--reply-to-address')
        return
        ;;
    '--smtp-password-command')
        return
        ;;
    '--smtp-oauth2-token-command')
        return
        ;;
    '--sent-folder')
        return
        ;;
    '--distribution')
        __espomail_add_completions -W 'none'$'\n''direct'$'\n''round-robin'$'\n''least-busy'
        return
        ;;
    '--case-team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- --case-team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--position')
        return
        ;;
    '--assign-to')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- --assign-to "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--reply-template')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- --reply-template "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--reply-from')
        return
        ;;
    '--reply-from-name')
        return
        ;;
    '--reply-to')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account set -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_account_remove() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account remove -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account remove -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_account_test() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --timeout)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account test -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account test -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_account_reset() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --since)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account reset -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--since')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account reset -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_account_status() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account status -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion account status -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_fetch() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --all --watch --dry-run --no-auto-reply --no-notify --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --poll-interval --rescan-interval --jobs --jobs-per-server --timeout)
    __espomail_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion fetch -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--poll-interval')
        return
        ;;
    '--rescan-interval')
        return
        ;;
    '--jobs')
        return
        ;;
    '--jobs-per-server')
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion fetch -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_email() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|export|show|attachment|import|link|read|unread|important|unimportant|trash|restore|archive|move|delete)
        # Offer subcommand argument completions
        "_espomail_email_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list export show attachment import link read unread important unimportant trash restore archive move delete' -- "${cur}"))
        ;;
    esac
}

_espomail_email_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --folder --group-folder --account --parent --limit --search --before --after)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email list -- --folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--group-folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email list -- --group-folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--account')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email list -- --account "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--parent')
        return
        ;;
    '--limit')
        return
        ;;
    '--search')
        return
        ;;
    '--before')
        return
        ;;
    '--after')
        return
        ;;
    esac
}

_espomail_email_export() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --folder --account --parent --search --before)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email export -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email export -- --folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--account')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email export -- --account "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--parent')
        return
        ;;
    '--search')
        return
        ;;
    '--before')
        return
        ;;
    esac
}

_espomail_email_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --raw --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_attachment() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --output)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email attachment -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--output')
        return
        ;;
    esac
}

_espomail_email_import() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --account)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email import -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--account')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email import -- --account "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -o plusdirs -fX '!*.@(eml)'
        return
        ;;
    esac
}

_espomail_email_link() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email link -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_read() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --folder)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email read -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email read -- --folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_email_unread() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email unread -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_important() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email important -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_unimportant() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email unimportant -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_trash() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email trash -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_restore() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email restore -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_archive() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email archive -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_email_move() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --group-folder)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email move -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--group-folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email move -- --group-folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    2)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email move -- positional@1 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_email_delete() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion email delete -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_explain() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --who --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion explain -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_filter() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|remove|test)
        # Offer subcommand argument completions
        "_espomail_filter_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show remove test' -- "${cur}"))
        ;;
    esac
}

_espomail_filter_create() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --global --mark-read --skip-notification --version -h --help)
    repeating_options=(--body-contains --body-contains-all)
    non_repeating_options=(--store --as --format --account --user --from --to --subject --action --folder)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter create -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--account')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter create -- --account "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--user')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter create -- --user "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--subject')
        return
        ;;
    '--body-contains')
        return
        ;;
    '--body-contains-all')
        return
        ;;
    '--action')
        __espomail_add_completions -W 'skip'$'\n''move-to-folder'$'\n''move-to-group-folder'$'\n''none'
        return
        ;;
    '--folder')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter create -- --folder "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_filter_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --user)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--user')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter list -- --user "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_filter_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter show -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_filter_remove() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter remove -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter remove -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_filter_test() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --email --file)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter test -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--email')
        return
        ;;
    '--file')
        __espomail_add_completions -o plusdirs -fX '!*.@(eml)'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion filter test -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_folder() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list)
        # Offer subcommand argument completions
        "_espomail_folder_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list' -- "${cur}"))
        ;;
    esac
}

_espomail_folder_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --skip-notifications --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --user)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion folder add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--user')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion folder add -- --user "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_folder_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --user)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion folder list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--user')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion folder list -- --user "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_group-folder() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list)
        # Offer subcommand argument completions
        "_espomail_group-folder_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list' -- "${cur}"))
        ;;
    esac
}

_espomail_group-folder_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=(--team)
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion group-folder add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--team')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion group-folder add -- --team "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_group-folder_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion group-folder list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_quarantine() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|retry|drop)
        # Offer subcommand argument completions
        "_espomail_quarantine_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show retry drop' -- "${cur}"))
        ;;
    esac
}

_espomail_quarantine_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion quarantine list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_quarantine_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --raw --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion quarantine show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_quarantine_retry() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion quarantine retry -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_quarantine_drop() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion quarantine drop -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_crm() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    account|contact|lead|opportunity|list|show)
        # Offer subcommand argument completions
        "_espomail_crm_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'account contact lead opportunity list show' -- "${cur}"))
        ;;
    esac
}

_espomail_crm_account() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add)
        # Offer subcommand argument completions
        "_espomail_crm_account_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add' -- "${cur}"))
        ;;
    esac
}

_espomail_crm_account_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=(--email)
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm account add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--email')
        return
        ;;
    esac
}

_espomail_crm_contact() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add)
        # Offer subcommand argument completions
        "_espomail_crm_contact_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add' -- "${cur}"))
        ;;
    esac
}

_espomail_crm_contact_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=(--email)
    non_repeating_options=(--store --as --format --account)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm contact add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--email')
        return
        ;;
    '--account')
        return
        ;;
    esac
}

_espomail_crm_lead() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|convert)
        # Offer subcommand argument completions
        "_espomail_crm_lead_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add convert' -- "${cur}"))
        ;;
    esac
}

_espomail_crm_lead_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=(--email)
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm lead add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--email')
        return
        ;;
    esac
}

_espomail_crm_lead_convert() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --account --new-account --contact --new-contact --opportunity --new-opportunity)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm lead convert -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--account')
        return
        ;;
    '--new-account')
        return
        ;;
    '--contact')
        return
        ;;
    '--new-contact')
        return
        ;;
    '--opportunity')
        return
        ;;
    '--new-opportunity')
        return
        ;;
    esac
}

_espomail_crm_opportunity() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add)
        # Offer subcommand argument completions
        "_espomail_crm_opportunity_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add' -- "${cur}"))
        ;;
    esac
}

_espomail_crm_opportunity_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --account)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm opportunity add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--account')
        return
        ;;
    esac
}

_espomail_crm_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W 'account'$'\n''contact'$'\n''lead'$'\n''opportunity'
        return
        ;;
    esac
}

_espomail_crm_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion crm show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_follow() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --user)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion follow -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--user')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion follow -- --user "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_unfollow() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --user)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion unfollow -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--user')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion unfollow -- --user "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_case() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|status|assign|preview)
        # Offer subcommand argument completions
        "_espomail_case_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show status assign preview' -- "${cur}"))
        ;;
    esac
}

_espomail_case_create() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --account --contact --description)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case create -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--account')
        return
        ;;
    '--contact')
        return
        ;;
    '--description')
        return
        ;;
    esac
}

_espomail_case_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --status --assigned --account)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--status')
        __espomail_add_completions -W 'new'$'\n''assigned'$'\n''pending'$'\n''closed'$'\n''rejected'$'\n''duplicate'
        return
        ;;
    '--assigned')
        return
        ;;
    '--account')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case list -- --account "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_case_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_case_status() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case status -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    2)
        __espomail_add_completions -W 'new'$'\n''assigned'$'\n''pending'$'\n''closed'$'\n''rejected'$'\n''duplicate'
        return
        ;;
    esac
}

_espomail_case_assign() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --timeout)
    __espomail_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case assign -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--timeout')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    2)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case assign -- positional@1 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_case_preview() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --count)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case preview -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--count')
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion case preview -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_stream() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show)
        # Offer subcommand argument completions
        "_espomail_stream_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show' -- "${cur}"))
        ;;
    esac
}

_espomail_stream_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion stream show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_notification() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|read|preferences)
        # Offer subcommand argument completions
        "_espomail_notification_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list read preferences' -- "${cur}"))
        ;;
    esac
}

_espomail_notification_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --unread --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion notification list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_notification_read() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --all --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion notification read -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_notification_preferences() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --email)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion notification preferences -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--email')
        return
        ;;
    esac
}

_espomail_send() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --reply-all --version -h --help)
    repeating_options=(--to --cc --bcc --attach)
    non_repeating_options=(--store --as --format --from --subject --body --body-file --parent --reply-to-email --template --timeout)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion send -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--from')
        return
        ;;
    '--to')
        return
        ;;
    '--cc')
        return
        ;;
    '--bcc')
        return
        ;;
    '--subject')
        return
        ;;
    '--body')
        return
        ;;
    '--body-file')
        __espomail_add_completions -f
        return
        ;;
    '--parent')
        return
        ;;
    '--reply-to-email')
        return
        ;;
    '--attach')
        __espomail_add_completions -f
        return
        ;;
    '--template')
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_espomail_outbox() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|retry|requests)
        # Offer subcommand argument completions
        "_espomail_outbox_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list retry requests' -- "${cur}"))
        ;;
    esac
}

_espomail_outbox_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --status --limit)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion outbox list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--status')
        __espomail_add_completions -W 'queued'$'\n''sending'$'\n''sent'$'\n''failed'$'\n''suppressed'
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_espomail_outbox_retry() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --failed --resend-unconfirmed --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --timeout)
    __espomail_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion outbox retry -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--timeout')
        return
        ;;
    esac
}

_espomail_outbox_requests() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format --status --limit)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion outbox requests -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--status')
        __espomail_add_completions -W 'queued'$'\n''sending'$'\n''sent'$'\n''failed'
        return
        ;;
    '--limit')
        return
        ;;
    esac
}

_espomail_template() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    add|list|set)
        # Offer subcommand argument completions
        "_espomail_template_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'add list set' -- "${cur}"))
        ;;
    esac
}

_espomail_template_add() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --html --version -h --help)
    repeating_options=(--attach)
    non_repeating_options=(--store --as --format --subject --body --body-file)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion template add -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--subject')
        return
        ;;
    '--body')
        return
        ;;
    '--body-file')
        __espomail_add_completions -f
        return
        ;;
    '--attach')
        __espomail_add_completions -f
        return
        ;;
    esac
}

_espomail_template_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion template list -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_template_set() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --html --no-html --no-attachments --version -h --help)
    repeating_options=(--attach)
    non_repeating_options=(--store --as --format --subject --body --body-file)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion template set -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--subject')
        return
        ;;
    '--body')
        return
        ;;
    '--body-file')
        __espomail_add_completions -f
        return
        ;;
    '--attach')
        __espomail_add_completions -f
        return
        ;;
    esac
}

_espomail_outbound() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    set-default|show)
        # Offer subcommand argument completions
        "_espomail_outbound_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'set-default show' -- "${cur}"))
        ;;
    esac
}

_espomail_outbound_set-default() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion outbound set-default -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion outbound set-default -- positional@0 "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_espomail_outbound_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet --verbose --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --as --format)
    __espomail_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        __espomail_add_completions -o plusdirs -fX '!*.@(sqlite)'
        return
        ;;
    '--as')
        __espomail_add_completions -W "$(__espomail_custom_complete ---completion outbound show -- --as "${COMP_CWORD}" "$(__espomail_cursor_index_in_current_word)")"
        return
        ;;
    '--format')
        __espomail_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_espomail_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __espomail_offer_flags_options -1
}

complete -o filenames -F _espomail espomail